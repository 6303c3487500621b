package org.reportsite.render;

import org.reportsite.content.BuiltIn;
import org.reportsite.content.ContentSyntaxException;
import org.reportsite.content.InputFolder;
import org.reportsite.model.Findings;
import org.reportsite.model.Reserved;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Thymeleaf templates of a build, read once. Every template is looked up by name through this one
 * resolver, so the engine renders exactly the texts a build compares with the previous build's (a template
 * edited while the site renders cannot make two pages disagree). Reading a folder whose texts are those read
 * last gives the same object back, with its engine and the templates and expressions parsed in it: the builds
 * of one process (the preview, the tests) parse each template once.
 */
public final class Templates {
    /** The page layout every page is rendered into. */
    public static final String LAYOUT = "layout";
    /** A table of the dataset. */
    public static final String TABLE = "table";
    /** The page of one category's passed checks ({@code data-checks/footing.html}). */
    public static final String CHECK_PAGE = "data-checks-passed";
    private static final String SUFFIX = ".html";

    /** The templates read last (with their engine), given back while a folder's texts are the same. */
    private static final AtomicReference<Templates> LAST = new AtomicReference<>();

    /** The folder that overrides the built-in templates, or null (the built-in templates alone). */
    private final Path dir;
    /** Every template: path relative to the folder ("layout.html", "parts/nav.html") → text; the folder's over the built-in ones. */
    private final Map<String, String> texts;
    /** The files of {@link #texts} read from the folder (the others are built in). */
    private final Set<String> own;
    private TemplateEngine engine;

    private Templates(Path dir, Map<String, String> texts, Set<String> own) {
        this.dir = dir;
        this.texts = texts;
        this.own = own;
    }

    /**
     * The built-in templates ({@link BuiltIn}), each replaced by the file of the same path in {@code dir} when it
     * has one (null: no folder). The folder is read through the templates folder's rule ({@link InputFolder}:
     * nothing outside the folder, regular files only, strict UTF-8): the resolver serves these texts only, so a
     * template cannot include a file outside the folder. Null when a file cannot be read, each refusal a located
     * finding.
     */
    public static Templates read(Path dir, Findings findings) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : BuiltIn.files(BuiltIn.TEMPLATES).entrySet()) {
            out.put(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }
        Set<String> own = new TreeSet<>();
        long errors = findings.errorCount();
        if (dir != null) {
            InputFolder folder = InputFolder.of(dir, "templates");
            for (Map.Entry<String, Path> e : folder.files(rel -> true, findings).entrySet()) {
                try {
                    out.put(e.getKey(), folder.readText(e.getValue(), folder.shown(e.getKey())));
                    own.add(e.getKey());
                } catch (ContentSyntaxException x) {
                    findings.error(x.code(), x.location(), x.getMessage(), x.hint());
                }
            }
        }
        if (findings.errorCount() > errors) return null;
        Templates read = new Templates(dir, Map.copyOf(out), Set.copyOf(own));
        Templates last = LAST.get();
        if (read.equals(last)) return last;
        LAST.set(read);
        return read;
    }

    /** The templates the renderer asks for by name: the layout, the table, each generated page's. */
    public static Set<String> renderedByName() {
        Set<String> names = new LinkedHashSet<>(List.of(LAYOUT, TABLE));
        for (Reserved.Generated g : Reserved.Generated.values()) names.add(g.template());
        names.add(CHECK_PAGE);
        return names;
    }

    /** The file a template name is read from ("layout" → "layout.html"), relative to the templates folder. */
    public static String fileOf(String name) { return name + SUFFIX; }

    /** The templates the renderer needs that neither the folder nor the built-in ones hold, as file names. */
    public List<String> missing() {
        return renderedByName().stream().map(Templates::fileOf).filter(f -> !texts.containsKey(f)).toList();
    }

    /** The folder that overrides the built-in templates, or null. */
    public Path dir() { return dir; }

    /** Where a template file was read from, as messages name it: the folder's file, or the built-in one. */
    public String shown(String file) {
        return own.contains(file) ? dir.resolve(file).toString() : BuiltIn.shown(BuiltIn.TEMPLATES, file);
    }

    /** The text of a template by name, or null. */
    public String text(String name) { return texts.get(fileOf(name)); }

    /**
     * The files no page renders by name (every one but the table and generated pages' own): the layout and any
     * fragment a template includes. They may concern every page.
     */
    public Map<String, String> shared() {
        Map<String, String> out = new TreeMap<>(texts);
        for (String name : renderedByName()) if (!name.equals(LAYOUT)) out.remove(fileOf(name));
        return out;
    }

    /** The engine over these texts (made once; parsed templates are cached in it). */
    public synchronized TemplateEngine engine() {
        if (engine == null) {
            RecordPropertyAccessor.install();
            TemplateEngine e = new TemplateEngine();
            e.setTemplateResolver(new Resolver());
            e.addDialect(new FinDialect());
            engine = e;
        }
        return engine;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Templates t && Objects.equals(t.dir, dir) && t.texts.equals(texts) && t.own.equals(own);
    }

    @Override
    public int hashCode() { return texts.hashCode(); }

    /** Resolves a template name to the text read from its file. */
    private final class Resolver extends AbstractConfigurableTemplateResolver {
        Resolver() {
            setSuffix(SUFFIX);
            setTemplateMode(TemplateMode.HTML);
            setCharacterEncoding("UTF-8");
            setCacheable(true);
            setCheckExistence(true);
        }

        @Override
        protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate, String template,
                                                            String resourceName, String characterEncoding, Map<String, Object> attributes) {
            return new Text(resourceName);
        }
    }

    /** One template file's text, described by its path (Thymeleaf's error messages name it). */
    private final class Text implements ITemplateResource {
        private final String name;

        Text(String name) { this.name = name; }

        @Override
        public String getDescription() { return shown(name); }

        @Override
        public String getBaseName() {
            String base = name.substring(name.lastIndexOf('/') + 1);
            return base.endsWith(SUFFIX) ? base.substring(0, base.length() - SUFFIX.length()) : base;
        }

        @Override
        public boolean exists() { return texts.containsKey(name); }

        @Override
        public Reader reader() throws IOException {
            String t = texts.get(name);
            if (t == null) throw new IOException("no template " + getDescription());
            return new StringReader(t);
        }

        @Override
        public ITemplateResource relative(String relativeLocation) {
            int slash = name.lastIndexOf('/');
            return new Text(slash < 0 ? relativeLocation : name.substring(0, slash + 1) + relativeLocation);
        }
    }
}
