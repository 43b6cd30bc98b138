using System;
using System.IO;
using System.Linq;
using System.Numerics;
using Microsoft.CodeAnalysis;
using NegLR.Generator.Tests.Equivalence;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Noise;

/// <summary>
/// samples/NegLR.Samples.NoisyIris compiled as its project does (the manila profile as an AdditionalFiles item): the
/// ideal declaration equals its oracles on both code paths, and the device declaration — called through IAnsatz, as
/// Trainer&lt;T&gt; calls it — equals the density-matrix interpreter on the profile's model, value and gradient.
/// </summary>
public class NoisySampleTests
{
    private static double Evaluate<T>(double[] w, double[] x) where T : IAnsatz => T.Evaluate(w, x, new Complex[T.StateLength]);

    private static double Gradient<T>(double[] w, double[] x, double[] g) where T : IAnsatz =>
        T.EvaluateWithGradient(w, x, g, new Complex[T.StateLength], new Complex[T.StateLength]);

    [Fact]
    public void NoisyIris_IdealAndDeviceDeclarations_EqualTheirOracles()
    {
        string source = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "NegLR.Samples.NoisyIris", "IrisDeclarations.cs"));
        var assembly = NoiseHarness.CompileAndLoad(
            new AdditionalText[] { new MemoryText("/repo/Runtime/Noise/Profiles/ibmq-manila-2024-05-27.json", NoiseHarness.ManilaJson) }, source);
        var ideal = assembly.GetTypes().Single(t => t.Name == "IdealIris");
        EquivalenceAssert.OnBothPaths(() => EquivalenceAssert.MatchesOracles(ideal, seed: 3, dense: true));

        var device = assembly.GetTypes().Single(t => t.Name == "ManilaIris");
        var circuit = (Circuit)device.GetMethod("CreateCircuit")!.Invoke(null, null)!;
        var model = DeviceProfile.Example("ibmq-manila-2024-05-27").NoiseModelFor(circuit);
        var simulator = new DensityMatrixSimulator(circuit, model);
        var rng = new SeededRandom(5);
        var w = Enumerable.Range(0, circuit.WeightCount).Select(_ => rng.NextDouble(-1, 1)).ToArray();
        var x = new[] { 0.3, -0.7, 1.1, -0.2 };
        double expected = simulator.Evaluate(w, x, PauliSum.Z(0), simulator.CreateWorkspace());
        double generated = (double)typeof(NoisySampleTests).GetMethod(nameof(Evaluate), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(device).Invoke(null, new object[] { w, x })!;
        Assert.True(Math.Abs(generated - expected) < 1e-10, $"generated {generated} against the interpreter's {expected}");

        var g = new double[w.Length];
        var shift = new double[w.Length];
        typeof(NoisySampleTests).GetMethod(nameof(Gradient), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(device).Invoke(null, new object[] { w, x, g });
        simulator.ParameterShiftGradient(w, x, PauliSum.Z(0), shift, simulator.CreateWorkspace());
        Assert.True(g.Zip(shift).Max(t => Math.Abs(t.First - t.Second)) < 1e-10);
    }
}
