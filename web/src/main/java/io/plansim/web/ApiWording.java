package io.plansim.web;

import io.plansim.scenario.InputException;
import io.plansim.scenario.InputProblem;
import io.plansim.scenario.Limits;
import io.plansim.scenario.ScenarioOverride;
import io.plansim.scenario.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's input errors as a user of the page or the API meets them. The engine locates a problem in the file
 * it came from (an upload by the name it was sent under) or words it for the command line: a value given by an
 * option ("command line: --set: ..."), an override ("--set trade.exportTrend=abc: ..."), a limit to raise with
 * {@code --limit}. Here those are named as the request gives them: its field ("request: overrides: ...", "request:
 * driver: ..."), the override as sent ("override 'trade.exportTrend=abc': ...", which names the page's driver
 * control by its path) and the server's limit, which a request cannot raise. Files and their lines stay as they are.
 */
final class ApiWording {
    /** Where a field of the request body is named: the API's fields are the page's controls. */
    static final SourceLocation REQUEST = new SourceLocation("request", 0, 0);

    private ApiWording() {
    }

    /** The reply's message and located problems. */
    record Refusal(String message, List<InputProblem> problems) {
    }

    static Refusal of(InputException e) {
        List<InputProblem> out = new ArrayList<>();
        for (InputProblem p : e.problems()) {
            SourceLocation at = p.location();
            String field = "--set".equals(p.field()) ? "overrides" : p.field();
            if (at.isCommandLine()) {
                at = REQUEST;
            } else {
                // the override as the request sent it; a line and column would count in text the engine made of it
                at = ScenarioOverride.textAt(at).map(o -> new SourceLocation("override '" + o + "'", 0, 0)).orElse(at);
            }
            out.add(new InputProblem(at, field, text(p.found()), text(p.allowed())));
        }
        return new Refusal(text(new InputException(out).getMessage()), List.copyOf(out));
    }

    /** A limit's hint without the command line's option: the server keeps its limits. */
    static String text(String s) {
        if (s == null) {
            return null;
        }
        for (String name : Limits.NAMES) {
            s = s.replace(Limits.raise(name), "a documented limit (docs/ERRORS.md, '" + name + "') that this server keeps");
        }
        return s;
    }
}
