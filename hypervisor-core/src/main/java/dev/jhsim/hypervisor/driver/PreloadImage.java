package dev.jhsim.hypervisor.driver;

/**
 * One image for {@code JAILHOUSE_CELL_LOAD}: bytes (a file, or a string given
 * with {@code -s}) and the cell-physical address to copy them to
 * ({@code -a}, default 0).
 */
public record PreloadImage(byte[] data, long targetAddress) {
    public PreloadImage {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }
}
