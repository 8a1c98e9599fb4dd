package io.plansim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.model.Variable;
import org.junit.jupiter.api.Test;

/** Every base value is the base-year value of a variable of that id, in that variable's unit. */
class BaseFieldTest {
    @Test
    void eachBaseFieldNamesItsVariable() {
        for (BaseField f : BaseField.values()) {
            var v = Variable.byId(f.metric());
            assertTrue(v.isPresent(), f.metric());
            assertEquals(v.get().info().unit(), f.unit(), f.metric());
        }
    }
}
