package dev.jhsim.config.model;

import static dev.jhsim.config.model.Ranges.u32;

import java.util.List;

/**
 * {@code struct jailhouse_irqchip}: the interrupt lines of one controller a
 * cell owns, as a 128-bit bitmap starting at {@code pinBase}.
 */
public record IrqChip(long address, long id, long pinBase, List<Long> pinBitmap) {
    public static final int BITMAP_WORDS = 4;

    public IrqChip {
        u32(id, "irqchip id");
        u32(pinBase, "irqchip pin_base");
        pinBitmap = List.copyOf(pinBitmap);
        if (pinBitmap.size() != BITMAP_WORDS) {
            throw new IllegalArgumentException("irqchip pin_bitmap has " + pinBitmap.size()
                    + " words, expected " + BITMAP_WORDS);
        }
        for (long word : pinBitmap) {
            u32(word, "irqchip pin_bitmap word");
        }
    }

    /** Whether the bitmap grants interrupt line {@code pin} (an absolute number). */
    public boolean grants(long pin) {
        long bit = pin - pinBase;
        if (bit < 0 || bit >= 32L * BITMAP_WORDS) {
            return false;
        }
        return (pinBitmap.get((int) (bit / 32)) >>> (bit % 32) & 1) != 0;
    }

    /** The absolute interrupt lines granted, ascending. */
    public List<Long> pins() {
        java.util.ArrayList<Long> pins = new java.util.ArrayList<>();
        for (int bit = 0; bit < 32 * BITMAP_WORDS; bit++) {
            if ((pinBitmap.get(bit / 32) >>> (bit % 32) & 1) != 0) {
                pins.add(pinBase + bit);
            }
        }
        return pins;
    }
}
