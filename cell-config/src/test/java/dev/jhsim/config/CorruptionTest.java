package dev.jhsim.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jhsim.config.binary.ConfigReader;
import dev.jhsim.config.binary.ConfigWriter;
import dev.jhsim.config.model.ConfigFile;
import dev.jhsim.fixtures.ConfigFixtures;
import dev.jhsim.fixtures.ConfigFixtures.Fixture;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds corrupted variants of every fixture to the reader. Each must either
 * parse (and then write back to exactly the same bytes) or fail with a
 * {@link ConfigFormatException} carrying a byte offset — never anything else.
 */
class CorruptionTest {
    private static final int VARIANTS = 100_000;
    private static final long SEED = 0x4a48_2024L;

    private enum Mutation { BIT_FLIPS, TRUNCATE, INFLATE_COUNT, SHUFFLE_RANGE, RANDOM_BYTES, EXTEND }

    @Test
    void everyCorruptionParsesOrFailsCleanly() {
        List<Fixture> fixtures = ConfigFixtures.all();
        List<byte[]> originals = fixtures.stream().map(Fixture::bytes).toList();
        Random random = new Random(SEED);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < VARIANTS; i++) {
            int which = random.nextInt(originals.size());
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            byte[] variant = mutate(originals.get(which), mutation, random);
            try {
                ConfigFile file = ConfigReader.read(variant);
                parsed++;
                byte[] again = ConfigWriter.write(file);
                if (!Arrays.equals(variant, again)) {
                    assertArrayEquals(variant, again, "variant " + i + " (" + mutation + " of "
                            + fixtures.get(which) + ") parsed but does not write back identically");
                }
            } catch (ConfigFormatException e) {
                rejected++;
                if (!e.getMessage().startsWith("offset 0x") || e.getMessage().contains("\n")) {
                    fail("variant " + i + ": error message is not one line with an offset: " + e.getMessage());
                }
            } catch (RuntimeException | Error e) {
                throw new AssertionError("variant " + i + " (" + mutation + " of " + fixtures.get(which)
                        + ") threw " + e, e);
            }
        }
        assertTrue(parsed > 1000, "the mutations should leave many files readable, got " + parsed);
        assertTrue(rejected > 1000, "the mutations should break many files, got " + rejected);
    }

    private static byte[] mutate(byte[] original, Mutation mutation, Random random) {
        byte[] b = original.clone();
        switch (mutation) {
            case BIT_FLIPS -> {
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int bit = random.nextInt(b.length * 8);
                    b[bit / 8] ^= (byte) (1 << (bit % 8));
                }
            }
            case TRUNCATE -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case INFLATE_COUNT -> {
                // Overwrite one aligned 32-bit word with a large or off-by-some count.
                int word = random.nextInt(b.length / 4) * 4;
                int value = random.nextBoolean() ? random.nextInt() : random.nextInt(64);
                for (int k = 0; k < 4; k++) {
                    b[word + k] = (byte) (value >>> (8 * k));
                }
            }
            case SHUFFLE_RANGE -> {
                int start = random.nextInt(b.length);
                int len = Math.min(b.length - start, 1 + random.nextInt(32));
                for (int k = len - 1; k > 0; k--) {
                    int j = random.nextInt(k + 1);
                    byte t = b[start + k];
                    b[start + k] = b[start + j];
                    b[start + j] = t;
                }
            }
            case RANDOM_BYTES -> {
                int n = 1 + random.nextInt(8);
                for (int k = 0; k < n; k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case EXTEND -> {
                int extra = 1 + random.nextInt(64);
                b = Arrays.copyOf(b, b.length + extra);
                for (int k = original.length; k < b.length; k++) {
                    b[k] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }
}
