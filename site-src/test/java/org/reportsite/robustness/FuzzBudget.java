package org.reportsite.robustness;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The number of tries of every fuzz property, scaled by {@code -Dfuzz.scale=N} (default 1): the suite runs its
 * ordinary budget in {@code mvn verify}, and a longer one on demand, e.g.
 * {@code mvn test -Dtest='*Fuzz*' -Dfuzz.scale=30}. Fuzz classes register it with
 * {@code @AddLifecycleHook(FuzzBudget.class)}.
 */
public final class FuzzBudget implements AroundPropertyHook {
    /** The scale asked for, at least 0.01. */
    public static double scale() {
        try {
            return Math.max(0.01, Double.parseDouble(System.getProperty("fuzz.scale", "1")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Registered on a fuzz class, it applies to each of its properties. */
    @Override
    public PropagationMode propagateTo() { return PropagationMode.ALL_DESCENDANTS; }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        double scale = scale();
        // only properties with a budget of their own (a property without parameters runs once whatever the scale)
        if (scale != 1 && context.attributes().tries().isPresent()) {
            context.attributes().setTries((int) Math.max(1, Math.round(context.attributes().tries().get() * scale)));
        }
        return property.execute();
    }
}
