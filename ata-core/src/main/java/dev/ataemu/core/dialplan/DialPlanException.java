package dev.ataemu.core.dialplan;

/** A dial plan that cannot be read, with the position (from 1) where reading stopped. */
public final class DialPlanException extends Exception {

    private final int position;

    DialPlanException(String problem, int position) {
        super(problem + " at position " + position);
        this.position = position;
    }

    /** Where the problem is, counting characters of the plan from 1. */
    public int position() {
        return position;
    }
}
