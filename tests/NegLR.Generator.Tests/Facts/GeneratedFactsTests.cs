using System;
using System.Reflection;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Facts;

public class GeneratedFactsTests
{
    [Fact]
    public void WeightOutsideEveryLightCone_IsListedAsDead()
    {
        // w[1] rotates qubit 2, which no gate connects to qubits 0 and 1 that the cost measures.
        var assembly = GeneratorHarness.CompileAndLoad("""
            using NegLR;
            namespace Facts;

            [Ansatz(Qubits = 3)]
            [Observable("Z0 + 0.5 Z1")]
            public partial struct Lonely
            {
                [Circuit]
                static void Build(Circuit c)
                {
                    c.RY(0, c.Weight());
                    c.RY(2, c.Weight());
                    c.RX(1, c.Weight());
                    c.CNOT(0, 1);
                }
            }

            public static class Probe
            {
                public static int[] Dead => Lonely.DeadWeights.ToArray();
                public static int[] Term0 => Lonely.WeightsVisibleTo(0).ToArray();
                public static int[] Term1 => Lonely.WeightsVisibleTo(1).ToArray();
                public static int EntanglingDepth => Lonely.EntanglingDepth;
            }
            """);
        var probe = assembly.GetType("Facts.Probe")!;
        T Get<T>(string name) => (T)probe.GetProperty(name)!.GetValue(null)!;
        Assert.Equal(new[] { 1 }, Get<int[]>("Dead"));
        // Z0: the cone is conservative — CNOT(0, 1) touches qubit 0, so the cone takes in qubit 1 and RX's w[2].
        Assert.Equal(new[] { 0, 2 }, Get<int[]>("Term0"));
        Assert.Equal(new[] { 0, 2 }, Get<int[]>("Term1"));     // Z1: RX on q1 and, through CNOT, RY on q0
        Assert.Equal(1, Get<int>("EntanglingDepth"));
    }

    [Fact]
    public void StubOfUncompilableAnsatz_HasEveryMember_SoOnlyOneErrorShows()
    {
        // User code that touches every generated member must still compile; calling it throws one clear exception.
        var assembly = GeneratorHarness.CompileAndLoad("""
            using System;
            using System.Numerics;
            using NegLR;
            namespace Stubs;

            [Ansatz(Qubits = 2)]
            [Observable("Z0", Name = "Energy")]
            public partial struct Broken
            {
                [Circuit]
                static void Build(Circuit c) { int q = 0; while (q < 2) { c.H(q); q++; } }
            }

            public static class Use
            {
                public static void All()
                {
                    var s = new Complex[4];
                    var g = new double[1];
                    _ = Broken.Qubits + Broken.WeightCount + Broken.InputCount + Broken.StateLength + Broken.GateCount + Broken.Depth + Broken.StepCount + Broken.EntanglingDepth;
                    _ = Broken.Energy;
                    _ = Broken.CreateCircuit();
                    Broken.Prepare(default, default, s);
                    _ = Broken.Evaluate(default, default, s);
                    _ = Broken.Evaluate(default, default, s, PauliSum.Z(0));
                    _ = Broken.EvaluateWithGradient(default, default, g, s, s);
                    _ = Broken.ParameterShiftGradient(default, default, g, s);
                    _ = Broken.DeadWeights.Length + Broken.WeightsVisibleTo(0).Length;
                }
            }
            """);
        var use = assembly.GetType("Stubs.Use")!.GetMethod("All")!;
        var ex = Assert.Throws<TargetInvocationException>(() => use.Invoke(null, null));
        var inner = Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Contains("'while' loops are not supported", inner.Message, StringComparison.Ordinal);
        Assert.Contains("Broken", inner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObservableOnMissingQubit_EmitsStubNamingTheQubit()
    {
        var assembly = GeneratorHarness.CompileAndLoad("""
            using NegLR;
            namespace Stubs2;

            [Ansatz(Qubits = 2)]
            [Observable("Z0 Z5")]
            public partial struct TooFar
            {
                [Circuit]
                static void Build(Circuit c) => c.H(0);
            }

            public static class Use
            {
                public static object Circuit() => TooFar.CreateCircuit();
            }
            """);
        var ex = Assert.Throws<TargetInvocationException>(() => assembly.GetType("Stubs2.Use")!.GetMethod("Circuit")!.Invoke(null, null));
        Assert.Contains("acts on qubit 5", ex.InnerException!.Message, StringComparison.Ordinal);
    }
}
