package org.reportsite.render;

import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;

import java.io.FileNotFoundException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;

/**
 * Resolves template names ({@code layout}, {@code partials/x}) to the templates the build read, by their path in
 * the templates folder: nothing else can be included, so a template name cannot reach a file outside that
 * folder, and the engine renders exactly the text the build compared with the previous build's.
 */
final class MapTemplateResolver extends AbstractConfigurableTemplateResolver {
    private final Map<String, String> templates;

    MapTemplateResolver(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
        setSuffix(".html");
        setCheckExistence(true);
    }

    @Override
    protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate, String template, String resourceName,
                                                        String characterEncoding, Map<String, Object> attributes) {
        return new Resource(resourceName);
    }

    private final class Resource implements ITemplateResource {
        private final String name;

        Resource(String name) { this.name = name; }

        @Override
        public String getDescription() { return name; }

        @Override
        public String getBaseName() {
            String base = name.substring(name.lastIndexOf('/') + 1);
            int dot = base.lastIndexOf('.');
            return dot > 0 ? base.substring(0, dot) : base;
        }

        @Override
        public boolean exists() { return templates.containsKey(name); }

        @Override
        public Reader reader() throws FileNotFoundException {
            String text = templates.get(name);
            if (text == null) throw new FileNotFoundException("no template " + name + " in the templates folder");
            return new StringReader(text);
        }

        @Override
        public ITemplateResource relative(String path) {
            int slash = name.lastIndexOf('/');
            return new Resource(slash < 0 ? path : name.substring(0, slash + 1) + path);
        }
    }
}
