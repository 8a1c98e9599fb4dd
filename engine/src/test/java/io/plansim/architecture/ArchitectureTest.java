package io.plansim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.Layout;
import io.plansim.scenario.BaseField;
import io.plansim.scenario.Driver;
import org.junit.jupiter.api.Test;

/**
 * The pipeline, enforced (docs/ARCHITECTURE.md): scenario file -> validated scenario -> compiled paths ->
 * kernel -> runner -> aggregates -> verdicts -> analyses -> service. A stage may use the stages before it,
 * never one after it; the kernel sees only the compiled stage's layout, and no stage after compilation
 * reads the raw scenario back out of a compiled one.
 */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.plansim");

    @Test
    void stagesNeverReachDownstream() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Vocabulary").definedBy("io.plansim.model..", "io.plansim.distribution..")
                .layer("Scenario").definedBy("io.plansim.scenario..", "io.plansim.target..")
                .layer("Compile").definedBy("io.plansim.compile..")
                .layer("Kernel").definedBy("io.plansim.kernel..")
                .layer("Aggregate").definedBy("io.plansim.aggregate..")
                .layer("Runner").definedBy("io.plansim.runner..")
                .layer("Verdict").definedBy("io.plansim.verdict..")
                .layer("Analysis").definedBy("io.plansim.analysis..", "io.plansim.backtest..", "io.plansim.batch..",
                        "io.plansim.evaluation..")
                .layer("Service").definedBy("io.plansim.service..")
                .whereLayer("Service").mayNotBeAccessedByAnyLayer()
                .whereLayer("Analysis").mayOnlyBeAccessedByLayers("Service", "Analysis")
                .whereLayer("Verdict").mayOnlyBeAccessedByLayers("Analysis", "Service")
                .whereLayer("Runner").mayOnlyBeAccessedByLayers("Verdict", "Analysis", "Service")
                .whereLayer("Aggregate").mayOnlyBeAccessedByLayers("Runner", "Verdict", "Analysis", "Service")
                .whereLayer("Kernel").mayOnlyBeAccessedByLayers("Runner", "Analysis", "Service")
                .whereLayer("Compile").mayOnlyBeAccessedByLayers("Kernel", "Aggregate", "Runner", "Verdict", "Analysis", "Service")
                .whereLayer("Scenario").mayOnlyBeAccessedByLayers("Compile", "Verdict", "Analysis", "Service", "Aggregate")
                .check(ENGINE);
    }

    @Test
    void theKernelSeesOnlyTheCompiledLayout() {
        noClasses().that().resideInAPackage("io.plansim.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("io.plansim.scenario..", "io.plansim.target..")
                .check(ENGINE);
    }

    @Test
    void noStageAfterCompilationReadsTheRawScenarioBack() {
        noClasses().that().resideInAnyPackage("io.plansim.kernel..", "io.plansim.runner..", "io.plansim.aggregate..",
                        "io.plansim.verdict..", "io.plansim.analysis..")
                .should().callMethod(CompiledScenario.class, "scenario")
                .check(ENGINE);
    }

    @Test
    void hostedWorkRunsOnItsHostsPool() {
        // a run on the process's pool of every core ignores the caller's --threads (solve, evaluate and batch did
        // until session 9): the analyses and the service run on the executor they are given; only the service's
        // no-argument factory, for callers that host nothing, takes the shared pool
        noClasses().that().resideInAnyPackage("io.plansim.analysis..", "io.plansim.backtest..", "io.plansim.batch..",
                        "io.plansim.evaluation..", "io.plansim.service..")
                .should().callMethodWhere(new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall>(
                        "the shared pool (Workers.shared, Forecasts.onClasspath(), MonteCarloRunner.run with a Progress) outside Forecasts.onClasspath()") {
                    @Override
                    public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                        boolean shared = call.getTargetOwner().isEquivalentTo(io.plansim.runner.Workers.class) && call.getName().equals("shared");
                        boolean runOnShared = call.getTargetOwner().isEquivalentTo(io.plansim.runner.MonteCarloRunner.class)
                                && call.getName().equals("run") && call.getTarget().getRawParameterTypes().size() == 4
                                && call.getTarget().getRawParameterTypes().get(3).isEquivalentTo(io.plansim.runner.MonteCarloRunner.Progress.class);
                        boolean sharedService = call.getTargetOwner().isEquivalentTo(io.plansim.service.Forecasts.class)
                                && call.getName().equals("onClasspath") && call.getTarget().getRawParameterTypes().isEmpty();
                        boolean factory = call.getOriginOwner().isEquivalentTo(io.plansim.service.Forecasts.class)
                                && call.getOrigin().getName().equals("onClasspath");
                        return (shared || runOnShared || sharedService) && !factory;
                    }
                })
                .check(ENGINE);
    }

    @Test
    void theLayoutMatchesTheScenarioEnums() throws Exception {
        for (Driver d : Driver.values()) {
            assertEquals(d.ordinal(), Layout.class.getField(d.name()).getInt(null), "Layout." + d.name());
        }
        for (BaseField f : BaseField.values()) {
            assertEquals(f.ordinal(), Layout.class.getField("BASE_" + f.name()).getInt(null), "Layout.BASE_" + f.name());
        }
    }
}
