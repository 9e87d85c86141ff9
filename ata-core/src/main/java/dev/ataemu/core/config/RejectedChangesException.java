package dev.ataemu.core.config;

import java.util.List;

/** A batch of changes that was refused whole; nothing of it was stored. */
public final class RejectedChangesException extends RuntimeException {

    private final List<Problem> problems;

    public RejectedChangesException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
    }
}
