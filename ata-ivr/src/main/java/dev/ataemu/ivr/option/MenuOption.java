package dev.ataemu.ivr.option;

/**
 * One numbered option of the voice menu. Options are shared by every visit to a model's menu, so
 * they keep nothing of a visit: what a visit has keyed lives in its {@link MenuContext}.
 */
public interface MenuOption {

    /** The two digits that choose it: {@code "01"}, {@code "99"}. */
    String number();

    /** The option was chosen (or reached with {@code *}): it says what it is and its current value. */
    void enter(MenuContext menu);

    /** A digit keyed in the option ({@code *} and {@code #} are the menu's own). */
    void key(char key, MenuContext menu);
}
