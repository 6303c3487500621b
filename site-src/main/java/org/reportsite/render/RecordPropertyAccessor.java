package org.reportsite.render;

import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads properties of records ({@code ${t.title}}) in templates with the method OGNL itself would pick, but
 * looks that method up once per class and name. Records have no JavaBean getters, so OGNL's bean cache
 * misses and it scans every public method of the class on each access, which made that scan the largest
 * single cost of rendering (one per table cell and navigation link). Values and access rules are unchanged:
 * the same lookup ({@code getGetMethod}, then {@code getReadMethod}), the same member-access check.
 */
final class RecordPropertyAccessor extends ObjectPropertyAccessor {
    private static final Optional<Method> NONE = Optional.empty();
    private final Map<Class<?>, Map<String, Optional<Method>>> methods = new ConcurrentHashMap<>();

    /** Installs the accessor for every record class (OGNL finds accessors by superclass); idempotent. */
    static void install() {
        synchronized (RecordPropertyAccessor.class) {
            try {
                if (OgnlRuntime.getPropertyAccessor(Record.class) instanceof RecordPropertyAccessor) return;
            } catch (OgnlException e) {
                // none registered yet
            }
            OgnlRuntime.setPropertyAccessor(Record.class, new RecordPropertyAccessor());
        }
    }

    @Override
    public Object getPossibleProperty(Map context, Object target, String name) throws OgnlException {
        OgnlContext ctx = (OgnlContext) context;
        Optional<Method> m = methods.computeIfAbsent(target.getClass(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> find(ctx, target.getClass(), n));
        if (m.isEmpty()) return super.getPossibleProperty(context, target, name);
        Method method = m.get();
        if (!ctx.getMemberAccess().isAccessible(context, target, method, name)) return super.getPossibleProperty(context, target, name);
        try {
            return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
        } catch (InvocationTargetException e) {
            throw new OgnlException(name, e.getTargetException());
        } catch (Exception e) {
            throw new OgnlException(name, e);
        }
    }

    private static Optional<Method> find(OgnlContext ctx, Class<?> type, String name) {
        try {
            Method m = OgnlRuntime.getGetMethod(ctx, type, name);
            if (m == null) m = OgnlRuntime.getReadMethod(type, name, null);
            return m == null ? NONE : Optional.of(m);
        } catch (Exception e) {
            return NONE;
        }
    }
}
