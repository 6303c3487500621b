package org.reportsite.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every finding of a run so the build can fail once, at the end, with all of them listed. */
public final class Findings {
    private final List<Finding> all = Collections.synchronizedList(new ArrayList<>());

    public void add(Finding f) { all.add(f); }

    public void error(String code, Location where, String message, String hint) {
        add(Finding.error(code, where, message, hint));
    }

    public void warning(String code, Location where, String message, String hint) {
        add(Finding.warning(code, where, message, hint));
    }

    public void addAll(List<Finding> fs) { all.addAll(fs); }

    public List<Finding> list() {
        synchronized (all) { return List.copyOf(all); }
    }

    public boolean hasErrors() {
        synchronized (all) { return all.stream().anyMatch(Finding::isError); }
    }

    public long errorCount() { return list().stream().filter(Finding::isError).count(); }

    public long warningCount() { return list().stream().filter(f -> !f.isError()).count(); }
}
