package dev.jhsim.config.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.binary.ConfigReader;
import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.model.ConfigFile;
import dev.jhsim.fixtures.ConfigFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks any configuration that reads: corrupted variants of the fixtures'
 * system and cell files, in every layout, must give a report (or a refused
 * set), never an exception.
 */
class CheckerRobustnessTest {
    private static final int VARIANTS = 3_000;
    private static final long SEED = 0x636865636bL;
    private static final String[][] SETS = {{"arm64-system", "arm64-cell", "arm-cell"}, {"x86-system", "x86-cell"}};

    @Test
    void everyReadableVariantIsCheckedWithoutAnException() {
        Random random = new Random(SEED);
        int checked = 0;
        for (int i = 0; i < VARIANTS; i++) {
            String layout = List.of("v12", "v13", "v14", "minervasys").get(random.nextInt(4));
            String[] names = SETS[random.nextInt(SETS.length)];
            int victim = random.nextInt(names.length);
            ConfigFile[] files = new ConfigFile[names.length];
            try {
                for (int f = 0; f < names.length; f++) {
                    byte[] bytes = ConfigFixtures.get(layout, names[f]).bytes();
                    byte[] variant = f == victim ? corrupt(bytes, random) : bytes;
                    files[f] = ConfigReader.readLenient(variant, LayoutHint.AUTO).file();
                }
            } catch (ConfigFormatException e) {
                continue;
            }
            try {
                ConfigSet set = ConfigSet.of(CheckInput.of("sys", files[0]),
                        Arrays.stream(files).skip(1).map(f -> CheckInput.of("cell", f)).toList(), null);
                CheckReport report = ConfigChecker.check(set);
                TextReport.render(report);
                JsonReport.render(report);
                JunitReport.render(report);
                checked++;
            } catch (ConfigSetException e) {
                // A refused set is a valid answer.
            } catch (RuntimeException | Error e) {
                throw new AssertionError("variant " + i + " (" + layout + " " + String.join(" ", names)
                        + ", corrupted " + names[victim] + ") threw " + e, e);
            }
        }
        assertTrue(checked > VARIANTS / 10, "too few variants were checked: " + checked);
    }

    /** One to three 8-byte runs overwritten with edge values (0, all ones, top bit, random) at random offsets. */
    private static byte[] corrupt(byte[] original, Random random) {
        byte[] b = original.clone();
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            int at = 8 + random.nextInt(b.length - 8);
            long value = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> -1L;
                case 2 -> Long.MIN_VALUE;
                default -> random.nextLong();
            };
            for (int i = 0; i < 8 && at + i < b.length; i++) {
                b[at + i] = (byte) (value >>> (8 * i));
            }
        }
        return b;
    }
}
