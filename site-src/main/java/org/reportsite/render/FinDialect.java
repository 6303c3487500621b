package org.reportsite.render;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.Set;

/** Registers {@code #fin} ({@link Fin}) in every template. */
public final class FinDialect extends AbstractDialect implements IExpressionObjectDialect {
    private static final Fin FIN = new Fin();

    public FinDialect() { super("fin"); }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() { return Set.of("fin"); }

            @Override
            public Object buildObject(IExpressionContext context, String name) { return FIN; }

            @Override
            public boolean isCacheable(String name) { return true; }
        };
    }
}
