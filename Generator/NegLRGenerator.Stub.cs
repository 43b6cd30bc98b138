using NegLR.Generator.Emit;
using NegLR.Generator.Model;

namespace NegLR.Generator;

public sealed partial class NegLRGenerator
{
    /// <summary>
    /// The stand-in for a declaration the generator could not compile: every member a compiled ansatz has, each
    /// throwing one clear exception, so the build shows the analyzer's diagnostic and no cascade of missing members.
    /// </summary>
    internal static class StubEmitter
    {
        private const string Span = "global::System.Span<global::System.Numerics.Complex>";
        private const string Weights = "global::System.ReadOnlySpan<double>";
        private const string PauliSum = "global::NegLR.PauliSum";

        public static void Write(CodeWriter w, AnsatzSpec spec)
        {
            const string Throws = "/// <summary>Throws: the declaration could not be compiled.</summary>";
            w.Line("/// <summary>Declared qubit count.</summary>");
            w.Line("public const int Qubits = " + Literals.Int(System.Math.Max(0, spec.Qubits)) + ";");
            foreach (string constant in new[] { "WeightCount", "InputCount", "StateLength", "GateCount", "Depth", "StepCount", "EntanglingDepth" })
            {
                w.Line("/// <summary>Unknown (0): the declaration could not be compiled.</summary>");
                w.Line("public const int " + constant + " = 0;");
            }

            w.Line("private static global::System.InvalidOperationException __Fail() => " +
                   $"global::NegLR.GeneratedCodeSupport.NotCompiled({Literals.String(spec.Hierarchy.DisplayName)}, {Literals.String(spec.Failure ?? "")});");
            w.Line("static int global::NegLR.IAnsatz.Qubits => throw __Fail();");
            w.Line("static int global::NegLR.IAnsatz.WeightCount => throw __Fail();");
            w.Line("static int global::NegLR.IAnsatz.InputCount => throw __Fail();");
            w.Line("static int global::NegLR.IAnsatz.StateLength => throw __Fail();");
            w.Line($"static {PauliSum} global::NegLR.IAnsatz.Cost => throw __Fail();");
            foreach (var o in spec.Observables)
            {
                w.Line(Throws);
                w.Line($"public static {PauliSum} {o.Name} => throw __Fail();");
            }

            w.Line(Throws);
            w.Line("public static global::NegLR.Circuit CreateCircuit() => throw __Fail();");
            w.Line(Throws);
            w.Line($"public static void Prepare({Weights} weights, {Weights} inputs, {Span} state) => throw __Fail();");
            w.Line(Throws);
            w.Line($"public static double Evaluate({Weights} weights, {Weights} inputs, {Span} state) => throw __Fail();");
            w.Line(Throws);
            w.Line($"public static double Evaluate({Weights} weights, {Weights} inputs, {Span} state, {PauliSum} observable) => throw __Fail();");
            w.Line(Throws);
            w.Line($"public static double EvaluateWithGradient({Weights} weights, {Weights} inputs, global::System.Span<double> gradient, {Span} state, {Span} adjoint) => throw __Fail();");
            w.Line(Throws);
            w.Line($"public static double ParameterShiftGradient({Weights} weights, {Weights} inputs, global::System.Span<double> gradient, {Span} state) => throw __Fail();");
            w.Line(Throws);
            w.Line($"public static global::NegLR.ShotEstimate EvaluateWithShots({Weights} weights, {Weights} inputs, {Span} state, global::NegLR.ShotEstimator estimator, int shots, global::NegLR.SeededRandom random, global::NegLR.ShotWorkspace workspace) => throw __Fail();");
            w.Line(Throws);
            w.Line("public static global::NegLR.AnsatzWorkspace CreateWorkspace() => throw __Fail();");
            w.Line(Throws);
            w.Line($"public static void Prepare({Weights} weights, {Weights} inputs, global::NegLR.AnsatzWorkspace workspace) => throw __Fail();");
            w.Line(Throws);
            w.Line($"public static double Evaluate({Weights} weights, {Weights} inputs, global::NegLR.AnsatzWorkspace workspace) => throw __Fail();");
            w.Line(Throws);
            w.Line($"public static double Evaluate({Weights} weights, {Weights} inputs, global::NegLR.AnsatzWorkspace workspace, {PauliSum} observable) => throw __Fail();");
            w.Line(Throws);
            w.Line($"public static double EvaluateWithGradient({Weights} weights, {Weights} inputs, global::System.Span<double> gradient, global::NegLR.AnsatzWorkspace workspace) => throw __Fail();");
            w.Line(Throws);
            w.Line($"public static double ParameterShiftGradient({Weights} weights, {Weights} inputs, global::System.Span<double> gradient, global::NegLR.AnsatzWorkspace workspace) => throw __Fail();");
            w.Line(Throws);
            w.Line("public static global::System.ReadOnlySpan<int> DeadWeights => throw __Fail();");
            w.Line(Throws);
            w.Line("public static global::System.ReadOnlySpan<int> WeightsVisibleTo(int term) => throw __Fail();");
        }
    }
}
