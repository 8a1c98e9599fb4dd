package io.plansim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Bad user input: carries every problem found, so a user fixes a file in one pass. Exit code 2. */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<InputProblem> problems;

    public InputException(List<InputProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public static InputException of(SourceLocation where, String field, String found, String allowed) {
        return new InputException(List.of(new InputProblem(where, field, found, allowed)));
    }

    public List<InputProblem> problems() {
        return problems;
    }

    private static String render(List<InputProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        int shown = Math.min(problems.size(), Limits.current().messages());
        String rest = shown < problems.size() ? "\n  ... and " + (problems.size() - shown) + " more (" + Limits.raise("messages") + ")" : "";
        return problems.size() + " problems:\n" + problems.subList(0, shown).stream()
                .map(p -> "  - " + p.message()).collect(Collectors.joining("\n")) + rest;
    }
}
