package dev.ataemu.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.config.ModelCatalog;
import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.config.ParameterDefinition;
import dev.ataemu.core.config.RejectedChangesException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/** The value rules every P-value setting is checked against, whatever the web, the IVR or a file sends. */
class ValueRulesFuzzTest {

    private static final List<ModelCatalog> MODELS = List.of(ParameterCatalog.builtIn().forModel("HT502"),
            ParameterCatalog.builtIn().forModel("HT813"));
    private static final List<List<ParameterDefinition>> DEFINITIONS = MODELS.stream()
            .map(model -> List.copyOf(model.all())).toList();

    @DisplayName("PROV-17 any value for any P-value is accepted or refused with a reason, the same way one by one and in a batch")
    @FuzzTest
    void value(FuzzedDataProvider data) {
        int model = data.consumeInt(0, MODELS.size() - 1);
        ParameterDefinition definition = data.pickValue(DEFINITIONS.get(model));
        String value = data.consumeRemainingAsString();
        Optional<String> problem = definition.problemWith(value);
        Map<String, String> batch = Map.of(definition.key(), value);
        if (problem.isPresent()) {
            assertThat(problem.get()).isNotBlank();
            assertThatThrownBy(() -> MODELS.get(model).validate(batch)).isInstanceOf(RejectedChangesException.class);
        } else {
            assertThat(MODELS.get(model).validate(batch)).containsEntry(definition.number(), value);
        }
    }
}
