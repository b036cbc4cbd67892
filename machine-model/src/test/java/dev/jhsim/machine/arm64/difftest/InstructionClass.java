package dev.jhsim.machine.arm64.difftest;

import java.util.Random;

/**
 * One class of the randomized differential suite: how to make one test case
 * (one to three instruction words run between loading a random machine state
 * and saving the result) and whether base registers point into the scratch
 * memory. The last {@code dataWords} words of a case are data (literal pools), not instructions.
 */
record InstructionClass(String name, String covers, boolean memory, int cases, int dataWords, CaseSource source) {
    /** Makes the instruction words of one case, or {@code null} to draw again. */
    @FunctionalInterface
    interface CaseSource {
        int[] next(Random r);
    }
}
