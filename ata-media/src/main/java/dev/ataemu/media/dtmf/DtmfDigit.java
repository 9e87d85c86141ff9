package dev.ataemu.media.dtmf;

/** The 16 DTMF keys (ITU-T Q.23): each is one low-group (row) tone plus one high-group (column) tone. */
public enum DtmfDigit {
    ONE('1', 0, 0), TWO('2', 0, 1), THREE('3', 0, 2), A('A', 0, 3),
    FOUR('4', 1, 0), FIVE('5', 1, 1), SIX('6', 1, 2), B('B', 1, 3),
    SEVEN('7', 2, 0), EIGHT('8', 2, 1), NINE('9', 2, 2), C('C', 2, 3),
    STAR('*', 3, 0), ZERO('0', 3, 1), HASH('#', 3, 2), D('D', 3, 3);

    private static final int[] LOW_HZ = {697, 770, 852, 941};
    private static final int[] HIGH_HZ = {1209, 1336, 1477, 1633};
    private static final DtmfDigit[] BY_POSITION = values();

    private final char symbol;
    private final int row;
    private final int column;

    DtmfDigit(char symbol, int row, int column) {
        this.symbol = symbol;
        this.row = row;
        this.column = column;
    }

    public char symbol() {
        return symbol;
    }

    /** The keypad row, 0-3: the index of the low-group tone. */
    public int row() {
        return row;
    }

    /** The keypad column, 0-3: the index of the high-group tone. */
    public int column() {
        return column;
    }

    public int lowHz() {
        return LOW_HZ[row];
    }

    public int highHz() {
        return HIGH_HZ[column];
    }

    /** The four low-group frequencies, by row. */
    public static int[] lowGroupHz() {
        return LOW_HZ.clone();
    }

    /** The four high-group frequencies, by column. */
    public static int[] highGroupHz() {
        return HIGH_HZ.clone();
    }

    public static DtmfDigit at(int row, int column) {
        return BY_POSITION[row * 4 + column];
    }

    /** The key for {@code c}: 0-9, *, #, A-D (a-d too). */
    public static DtmfDigit of(char c) {
        for (DtmfDigit digit : BY_POSITION) {
            if (digit.symbol == Character.toUpperCase(c)) {
                return digit;
            }
        }
        throw new IllegalArgumentException("'" + c + "' is not a DTMF key (0-9, *, #, A-D)");
    }
}
