using System;
using System.Linq;
using System.Numerics;
using NegLR.Tests.Noise;

namespace NegLR.Tests.Dsl.Noise;

/// <summary>The model generated code builds from the attributes is the one a user would write by hand.</summary>
public class DeclaredNoiseModelTests
{
    [Fact]
    public void Attributes_InWrittenOrder_GiveTheHandWrittenModel()
    {
        var circuit = new Circuit(4).HardwareEfficient(layers: 2);
        var profile = DeviceProfile.Example("ibmq-manila-2024-05-27");
        string json = System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..",
            "Runtime", "Noise", "Profiles", "ibmq-manila-2024-05-27.json"));
        var declared = new DeclaredNoiseModel(circuit)
            .Profile(json, new[] { 1, 2, 3, 4 })
            .Channel(NoiseChannel.Depolarizing(0.001), NoiseAfter.SingleQubitGates, null, null)
            .Channel(NoiseChannel.TwoQubitDepolarizing(0.01), NoiseAfter.AllGates, null, null)
            .Channel(NoiseChannel.AmplitudeDamping(0.02), NoiseAfter.AllGates, new[] { GateKind.RY }, new[] { 2 })
            .Readout(0.02, 0.03, null)
            .Readout(0.1, 0.2, new[] { 3 })
            .Build();
        var byHand = profile.NoiseModelFor(circuit, new[] { 1, 2, 3, 4 })
            .AfterEach(NoiseChannel.Depolarizing(0.001), NoiseModel.SingleQubitGates)
            .AfterEach(NoiseChannel.TwoQubitDepolarizing(0.01), NoiseModel.TwoQubitGates)
            .AfterEachOn(NoiseChannel.AmplitudeDamping(0.02), GateKind.RY, 2)
            .WithReadout(ReadoutError.Uniform(4, 0.02, 0.03).With(3, 0.1, 0.2));
        var a = declared.ApplyTo(circuit);
        var b = byHand.ApplyTo(circuit);
        Assert.Equal(b.Channels.Count, a.Channels.Count);
        Assert.True(a.Channels.SequenceEqual(b.Channels));
        Assert.Equal(byHand.Readout, declared.Readout);
    }

    [Fact]
    public void TheIAnsatzForms_CheckTheirSpans_AndPrepareSaysWhyItCannot()
    {
        var runtime = new NoisyAnsatzRuntime("Noisy2", NoiseTestData.NoisyStandardWorkload(2), null, NoiseTestData.Z0Z1);
        var w = NoiseTestData.WorkloadWeights(runtime.WeightCount);
        var state = new Complex[4];
        var g = new double[runtime.WeightCount];
        Assert.Equal(0.680891985984417, runtime.Evaluate(w, ReadOnlySpan<double>.Empty, state), 13);
        Assert.Equal(0.680891985984417, runtime.EvaluateWithGradient(w, ReadOnlySpan<double>.Empty, g, state, new Complex[4]), 13);
        var e = Assert.Throws<ArgumentException>(() => runtime.Evaluate(w, ReadOnlySpan<double>.Empty, new Complex[8]));
        Assert.Equal("state", e.ParamName);
        Assert.Contains("density matrix", runtime.NoStateVector().Message, StringComparison.Ordinal);
    }
}
