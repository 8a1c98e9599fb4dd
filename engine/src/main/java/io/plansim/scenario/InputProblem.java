package io.plansim.scenario;

/**
 * One thing wrong with user input, told the way a user can act on it: where (file, line, column),
 * which field, what was found and what is allowed.
 */
public record InputProblem(SourceLocation location, String field, String found, String allowed) {

    public String message() {
        StringBuilder sb = new StringBuilder();
        sb.append(location).append(": ").append(field.isEmpty() ? "(document)" : field);
        if (found != null && !found.isEmpty()) {
            sb.append(": found ").append(found);
        }
        if (allowed != null && !allowed.isEmpty()) {
            sb.append("; ").append(allowed);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
