package org.zwfw.sdk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code zwfw demo} did, step by step: printed as it happens, then written as a short report
 * (Markdown and JSON). Every line is plain language with masked data and the outcome code seen;
 * nothing personal, no key, token or signature value.
 */
final class DemoReport {

    /**
     * One step.
     *
     * @param id       such as {@code A2}
     * @param story    the story it belongs to
     * @param what     what was done, in plain language
     * @param expected the outcome expected (an outcome or problem code, or {@code OK})
     * @param got      the outcome seen
     * @param detail   what was seen, masked
     */
    record Step(String id, String story, String what, String expected, String got, String detail) {
        boolean ok() {
            return expected.equals(got);
        }
    }

    private final PrintWriter out;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, String> stories = new LinkedHashMap<>();

    DemoReport(PrintWriter out) {
        this.out = out;
    }

    void story(String letter, String title) {
        stories.put(letter, title);
        out.println();
        out.println(letter + ". " + title);
        out.flush();
    }

    /** Records and prints a step. */
    boolean step(String id, String what, String expected, String got, String detail) {
        Step s = new Step(id, id.substring(0, 1), what, expected, got, detail);
        steps.add(s);
        out.println("  [" + (s.ok() ? "ok" : "FAIL") + "] " + id + " " + Display.safe(what, 300));
        out.println("        expected " + expected + ", got " + Display.safe(got, 200)
                + (detail == null || detail.isEmpty() ? "" : ": " + Display.safe(detail, 600)));
        out.flush();
        return s.ok();
    }

    boolean allOk() {
        return !steps.isEmpty() && steps.stream().allMatch(Step::ok);
    }

    long failures() {
        return steps.stream().filter(s -> !s.ok()).count();
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    String markdown(String sandboxUrl, String started) {
        StringBuilder sb = new StringBuilder("# zwfw demo\n\n");
        sb.append("Run at ").append(started).append(" against an embedded sandbox at ").append(sandboxUrl)
                .append(". Every request was signed and every answer verified (spec/api-signing.md); personal data")
                .append(" is shown masked.\n\n");
        sb.append(allOk() ? "**Every step behaved as expected.**\n" : "**" + failures() + " step(s) did not behave as expected.**\n");
        for (Map.Entry<String, String> story : stories.entrySet()) {
            sb.append("\n## ").append(story.getKey()).append(". ").append(story.getValue()).append("\n\n");
            sb.append("| step | what | expected | got | detail |\n|---|---|---|---|---|\n");
            for (Step s : steps) {
                if (s.story().equals(story.getKey())) {
                    sb.append("| ").append(s.id()).append(s.ok() ? "" : " **FAIL**").append(" | ").append(cell(s.what()))
                            .append(" | `").append(s.expected()).append("` | `").append(cell(s.got())).append("` | ")
                            .append(cell(s.detail() == null ? "" : s.detail())).append(" |\n");
                }
            }
        }
        return sb.toString();
    }

    Map<String, Object> json(String sandboxUrl, String started) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("started", started);
        m.put("sandbox", sandboxUrl);
        m.put("ok", allOk());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Step s : steps) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", s.id());
            e.put("story", stories.get(s.story()));
            e.put("what", s.what());
            e.put("expected", s.expected());
            e.put("got", s.got());
            e.put("ok", s.ok());
            e.put("detail", s.detail());
            list.add(e);
        }
        m.put("steps", list);
        return m;
    }

    private static String cell(String s) {
        return Display.safe(s, 600).replace("|", "\\|").replace("\n", " ");
    }
}
