package dev.ataemu.core.config;

/** An inclusive range of character codes allowed in a text P-value. */
public record CharRange(int low, int high) {

    public boolean contains(int codePoint) {
        return codePoint >= low && codePoint <= high;
    }

    /** Parses {@code 33..126}. */
    static CharRange parse(String text) {
        String[] bounds = text.split("\\.\\.", -1);
        if (bounds.length != 2) {
            throw new IllegalArgumentException("character range '" + text + "' is not lo..hi");
        }
        return new CharRange(Integer.parseInt(bounds[0].strip()), Integer.parseInt(bounds[1].strip()));
    }
}
