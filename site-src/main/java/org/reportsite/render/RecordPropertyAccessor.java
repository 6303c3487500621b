package org.reportsite.render;

import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;
import ognl.enhance.ExpressionCompiler;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads properties of records ({@code ${t.title}}) in templates with the method OGNL itself would pick, but
 * looks that method up once per class and name. Records have no JavaBean getters, so OGNL's bean cache
 * misses and it scans every public method of the class on each access, which made that scan the largest
 * single cost of rendering (one per table cell and navigation link). Values and access rules are unchanged:
 * the same lookup ({@code getGetMethod}, then {@code getReadMethod}) and the same member-access check,
 * whose answer (Thymeleaf's rules look at the class and the member only) is kept with the method.
 */
final class RecordPropertyAccessor extends ObjectPropertyAccessor {
    /** A resolved property: its read method (null: none, use OGNL's general path) and whether access is allowed. */
    private record Resolved(Method method, Boolean allowed) {}

    private final Map<Class<?>, Map<String, Resolved>> methods = new ConcurrentHashMap<>();

    /** Installs the accessor for every record class (OGNL finds accessors by superclass); idempotent. */
    static void install() {
        synchronized (RecordPropertyAccessor.class) {
            try {
                if (OgnlRuntime.getPropertyAccessor(Record.class) instanceof RecordPropertyAccessor) return;
            } catch (OgnlException e) {
                // none registered yet
            }
            OgnlRuntime.setPropertyAccessor(Record.class, new RecordPropertyAccessor());
            OgnlRuntime.setCompiler(new InterfaceCache());
        }
    }

    @Override
    public Object getPossibleProperty(Map context, Object target, String name) throws OgnlException {
        OgnlContext ctx = (OgnlContext) context;
        Map<String, Resolved> byName = methods.computeIfAbsent(target.getClass(), c -> new ConcurrentHashMap<>());
        Resolved r = byName.computeIfAbsent(name, n -> new Resolved(find(ctx, target.getClass(), n), null));
        if (r.method() == null) return super.getPossibleProperty(context, target, name);
        if (r.allowed() == null) {
            r = new Resolved(r.method(), ctx.getMemberAccess().isAccessible(context, target, r.method(), name));
            byName.put(name, r);
        }
        if (!r.allowed()) return super.getPossibleProperty(context, target, name);
        try {
            return OgnlRuntime.invokeMethod(target, r.method(), OgnlRuntime.NoArguments);
        } catch (InvocationTargetException e) {
            throw new OgnlException(name, e.getTargetException());
        } catch (Exception e) {
            throw new OgnlException(name, e);
        }
    }

    private static Method find(OgnlContext ctx, Class<?> type, String name) {
        try {
            Method m = OgnlRuntime.getGetMethod(ctx, type, name);
            return m != null ? m : OgnlRuntime.getReadMethod(type, name, null);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * OGNL asks its compiler for the public interface of each object in a property chain ({@code t.title})
     * on every evaluation, and walks the class's interfaces to answer; the answer depends on the class alone.
     */
    private static final class InterfaceCache extends ExpressionCompiler {
        private final ClassValue<Class<?>> interfaces = new ClassValue<>() {
            @Override
            protected Class<?> computeValue(Class<?> type) { return InterfaceCache.super.getInterfaceClass(type); }
        };

        @Override
        public Class getInterfaceClass(Class clazz) { return interfaces.get(clazz); }
    }
}
