package io.plansim.scenario;

/**
 * Where a figure comes from: a seed file with line and verbatim quote, a public address with its quote,
 * or a stated assumption/calibration note. Written in a scenario either as a mapping or as one line of text.
 */
public record Source(String file, Integer line, String quote, String url, String note) {

    public static Source note(String text) {
        return new Source(null, null, null, null, text);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line != null) {
                sb.append(':').append(line);
            }
        }
        if (url != null) {
            sb.append(sb.length() > 0 ? " " : "").append(url);
        }
        if (quote != null) {
            sb.append(sb.length() > 0 ? " " : "").append('「').append(quote).append('」');
        }
        if (note != null) {
            sb.append(sb.length() > 0 ? " (" + note + ")" : note);
        }
        return sb.toString();
    }
}
