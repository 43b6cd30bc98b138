using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Tests.Noise;

/// <summary>
/// <c>Trainer&lt;TAnsatz&gt;</c> on a generated noisy ansatz trains the noisy circuit on every path: an ansatz whose body
/// writes channels (the constructor used to throw: it built a state-vector interpreter from <c>CreateCircuit()</c>) and
/// one with declared noise and readout error (parameter shift used to run the noise-free gates, shots to throw). The
/// oracle is <see cref="NoisyTrainer"/> on the same noisy circuit: same optimizer, same seed, the same steps.
/// </summary>
public class NoisyTrainerOfTAnsatzTests
{
    private const string Source = """
        using NegLR;

        namespace Trained;

        [Ansatz(Qubits = 3)]
        [Observable("Z0 Z1 + 0.5 X2")]
        public partial class BodyNoise
        {
            [Circuit]
            static void Build(Circuit c)
            {
                for (int q = 0; q < 3; q++) c.RY(q, c.Weight()).Depolarizing(q, 0.03);
                c.CNOT(0, 1).TwoQubitDepolarizing(0, 1, 0.02).CNOT(1, 2).AmplitudeDamping(2, 0.05);
                for (int q = 0; q < 3; q++) c.RX(q, c.Weight());
            }
        }

        [Ansatz(Qubits = 3, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]
        [Observable("Z0 Z1")]
        [Depolarizing(0.02, After = NoiseAfter.SingleQubitGates)]
        [TwoQubitDepolarizing(0.03)]
        [ReadoutError(0.03, 0.06)]
        public partial struct DeclaredNoise;
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => NoiseHarness.CompileAndLoad(Array.Empty<AdditionalText>(), Source));

    public static TheoryData<string, GradientMethod, int?> Cases() => new()
    {
        { "Trained.BodyNoise", GradientMethod.Adjoint, null },
        { "Trained.BodyNoise", GradientMethod.ParameterShift, null },
        { "Trained.BodyNoise", GradientMethod.ParameterShift, 400 },
        { "Trained.DeclaredNoise", GradientMethod.Adjoint, null },
        { "Trained.DeclaredNoise", GradientMethod.ParameterShift, null },
        { "Trained.DeclaredNoise", GradientMethod.ParameterShift, 400 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainerOfTAnsatz_TrainsTheNoisyCircuit_LikeNoisyTrainer(string typeName, GradientMethod gradient, int? shots)
    {
        var type = Compiled.Value.GetType(typeName)!;
        var run = typeof(NoisyTrainerOfTAnsatzTests).GetMethod(nameof(Run), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
        var (generic, reference) = ((double[], double[]))run.Invoke(null, new object?[] { gradient, shots })!;
        Assert.Equal(reference.Length, generic.Length);
        for (int i = 0; i < reference.Length; i++)
        {
            // Exact runs take the light-cone path against the whole-circuit engine: equal to rounding. Shot runs sample
            // the same distributions with the same seed: bit-identical.
            double tolerance = shots is null ? 1e-10 : 0;
            Assert.True(Math.Abs(generic[i] - reference[i]) <= tolerance,
                $"{typeName} ({gradient}, shots {shots?.ToString() ?? "exact"}): weight {i} is {generic[i]} after Trainer<T>, {reference[i]} after NoisyTrainer");
        }
    }

    [Fact]
    public void ABodyWithChannels_IsANoisyAnsatz_AndANoiseFreeOneIsNot()
    {
        var body = Compiled.Value.GetType("Trained.BodyNoise")!;
        var property = typeof(NoisyTrainerOfTAnsatzTests).GetMethod(nameof(Runtime), BindingFlags.NonPublic | BindingFlags.Static)!;
        var runtime = (NoisyAnsatzRuntime?)property.MakeGenericMethod(body).Invoke(null, null);
        Assert.NotNull(runtime);
        Assert.True(runtime!.Circuit.HasChannels);
    }

    private static NoisyAnsatzRuntime? Runtime<T>() where T : IAnsatz => T.NoisyRuntime;

    private static (double[] Generic, double[] Reference) Run<T>(GradientMethod gradient, int? shots) where T : IAnsatz
    {
        var runtime = T.NoisyRuntime ?? throw new InvalidOperationException(typeof(T).Name + " is not noisy");
        var options = new TrainerOptions { MaxSteps = 4, Gradient = gradient, Shots = shots, Seed = 11 };
        var start = Enumerable.Range(0, T.WeightCount).Select(i => 0.3 + 0.17 * i).ToArray();

        var generic = start.ToArray();
        new Trainer<T>(new GradientDescent(T.WeightCount, 0.2), options).Run(generic);

        var reference = start.ToArray();
        var simulator = new DensityMatrixSimulator(runtime.Circuit, runtime.Readout);
        new NoisyTrainer(simulator, T.Cost, new GradientDescent(T.WeightCount, 0.2), options).Run(reference);
        Assert.NotEqual(start, generic);
        return (generic, reference);
    }
}
