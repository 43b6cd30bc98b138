using System;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Training;

/// <summary>Identity blocks make the circuit the identity; the Gaussian has the variance it states; the others do what they say.</summary>
public class InitializationTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    public void IdentityBlocks_OnRandomBlockStructures_LeaveTheInputState(ulong seed)
    {
        var rng = new SeededRandom(seed);
        int qubits = 2 + rng.NextInt(3);
        var c = new Circuit(qubits);
        // A data encoding in front (not in any block), then 1–3 blocks of 1–3 layers with random axes.
        for (int q = 0; q < qubits; q++)
        {
            c.RY(q, c.Input(q)).RZ(q, (0.5 * c.Input(q)) + 0.1);
        }

        var prefix = new Circuit(qubits).Append(c);
        int blocks = 1 + rng.NextInt(3);
        var sizes = new int[blocks];
        for (int b = 0; b < blocks; b++)
        {
            int layers = 1 + rng.NextInt(3);
            sizes[b] = IdentityBlocks.Append(c, layers, IdentityBlocks.RandomAxes(layers * qubits, rng));
        }

        var weights = new double[c.WeightCount];
        new IdentityBlockInitialization(sizes).Initialize(weights, new CircuitStructure(c), new SeededRandom(seed + 100));
        var x = TestData.RandomVector(rng, qubits, -Math.PI, Math.PI);
        var dense = new DenseReferenceSimulator(qubits);
        var expected = dense.Run(prefix, Array.Empty<double>(), x);
        var actual = dense.Run(c, weights, x);
        TestData.AssertStatesEqual(expected, actual, 1e-12, $"seed {seed}, blocks {string.Join("+", sizes)}");
        Assert.Contains(weights, w => Math.Abs(w) > 0.1); // the first halves are random, not zero
    }

    [Fact]
    public void HandWrittenMirrors_OfEveryRotationKind_AreInverted()
    {
        // First half: Rot, U3, CRX, PauliRot, an affine RZZ, a fixed S; second half: their mirror images with fresh weights.
        var c = new Circuit(3);
        c.Rot(0, c.Weight(), c.Weight(), c.Weight()).U3(1, c.Weight(), c.Weight(), c.Weight()).CRX(0, 2, c.Weight());
        c.PauliRot(c.Weight(), "XY", 1, 2).RZZ(0, 1, (2 * c.Weight()) + 0.3).S(2);
        c.Sdg(2).RZZ(0, 1, (-0.5 * c.Weight()) - 0.2).PauliRot(c.Weight(), "XY", 1, 2).CRX(0, 2, c.Weight());
        c.U3(1, c.Weight(), c.Weight(), c.Weight()).Rot(0, c.Weight(), c.Weight(), c.Weight());
        var weights = new double[c.WeightCount];
        IdentityBlockInitialization.Equal(1).Initialize(weights, new CircuitStructure(c), new SeededRandom(7));
        var psi = new DenseReferenceSimulator(3).Run(c, weights, ReadOnlySpan<double>.Empty);
        TestData.AssertStatesEqual(new DenseReferenceSimulator(3).BasisState(0), psi, 1e-12, "mirrored kinds");
    }

    [Fact]
    public void BlocksThatAreNotMirrors_AreClearErrors()
    {
        var notMirror = new Circuit(2);
        notMirror.RX(0, notMirror.Weight()).CNOT(0, 1).RY(0, notMirror.Weight());
        var e = Assert.Throws<ArgumentException>(() => IdentityBlockInitialization.Equal(1).Initialize(new double[2], new CircuitStructure(notMirror), new SeededRandom(1)));
        Assert.Contains("not a mirror", e.Message, StringComparison.Ordinal);

        var shared = new Circuit(1);
        var w = shared.Weight();
        shared.RX(0, w).RY(0, 0.3).RY(0, -0.3).RX(0, w);
        e = Assert.Throws<ArgumentException>(() => IdentityBlockInitialization.Equal(1).Initialize(new double[1], new CircuitStructure(shared), new SeededRandom(1)));
        Assert.Contains("drives 2 angles", e.Message, StringComparison.Ordinal);

        var withInput = new Circuit(1);
        withInput.RX(0, withInput.Weight()).RY(0, withInput.Input(0)).RX(0, withInput.Weight());
        e = Assert.Throws<ArgumentException>(() => IdentityBlockInitialization.Equal(1).Initialize(new double[2], new CircuitStructure(withInput), new SeededRandom(1)));
        Assert.Contains("data input", e.Message, StringComparison.Ordinal);

        var odd = new Circuit(1);
        odd.RX(0, odd.Weight()).RX(0, odd.Weight()).RX(0, odd.Weight());
        Assert.Throws<ArgumentException>(() => IdentityBlockInitialization.Equal(2).Initialize(new double[3], new CircuitStructure(odd), new SeededRandom(1)));
    }

    [Fact]
    public void Gaussian_HasTheStatedVariance_FromDepthAndLocality()
    {
        Assert.Equal(1.0 / (4 * 2 * (5 + 2)), GaussianInitialization.ForDepth(5, 2).Variance);
        var c = new Circuit(4).HardwareEfficient(3);
        var structure = new CircuitStructure(c);
        var fromCircuit = GaussianInitialization.ForCircuit(structure, PauliSum.Parse("Z0 Z1 + 0.5 X3"));
        Assert.Equal(structure.LayerCount, fromCircuit.Layers);
        Assert.Equal(2, fromCircuit.Locality);

        // Sample mean and variance over many weights: the mean within 4 SE, the variance within 4 SE (√(2/n) relative).
        var g = GaussianInitialization.ForDepth(3, 1);
        var many = new Circuit(1);
        for (int i = 0; i < 20000; i++)
        {
            many.RX(0, many.Weight());
        }

        var w = new double[many.WeightCount];
        g.Initialize(w, new CircuitStructure(many), new SeededRandom(3));
        double mean = w.Average();
        double variance = w.Sum(v => (v - mean) * (v - mean)) / (w.Length - 1);
        Assert.InRange(mean, -4 * Math.Sqrt(g.Variance / w.Length), 4 * Math.Sqrt(g.Variance / w.Length));
        Assert.InRange(variance / g.Variance, 1 - (4 * Math.Sqrt(2.0 / w.Length)), 1 + (4 * Math.Sqrt(2.0 / w.Length)));
    }

    [Fact]
    public void Uniform_User_AndTheDeclaredDefault()
    {
        var c = new Circuit(2).HardwareEfficient(2);
        var structure = new CircuitStructure(c);
        var w = new double[c.WeightCount];
        new UniformInitialization(-1, 1).Initialize(w, structure, new SeededRandom(4));
        Assert.All(w, v => Assert.InRange(v, -1, 1));
        var user = new UserInitialization(Enumerable.Range(0, c.WeightCount).Select(i => 0.1 * i).ToArray());
        user.Initialize(w, structure, new SeededRandom(4));
        Assert.Equal(0.1 * 3, w[3]);
        Assert.Throws<ArgumentException>(() => user.Initialize(new double[3], structure, new SeededRandom(4)));
        Assert.Throws<ArgumentException>(() => new UserInitialization(new[] { double.NaN }));

        var trainer = new Trainer(c, PauliSum.Parse("Z0"), new Declaring(c.WeightCount, new GaussianInitialization(1e-6)));
        Assert.All(trainer.InitialWeights(1), v => Assert.InRange(v, -0.01, 0.01));
        var uniform = new Trainer(c, PauliSum.Parse("Z0"), new Adam(c.WeightCount)).InitialWeights(1);
        Assert.All(uniform, v => Assert.InRange(v, 0, 2 * Math.PI));
        Assert.Equal(uniform, new Trainer(c, PauliSum.Parse("Z0"), new Adam(c.WeightCount)).InitialWeights(1));
    }

    /// <summary>An optimizer that declares its initialization, as a generated one with an initialization attribute does.</summary>
    private sealed class Declaring : IOptimizer, IDeclaresInitialization
    {
        private readonly Adam _adam;

        public Declaring(int n, IWeightInitializer initialization)
        {
            _adam = new Adam(n);
            Initialization = initialization;
        }

        public IWeightInitializer Initialization { get; }

        public string Name => "declaring";

        public int ParameterCount => _adam.ParameterCount;

        public long StepCount => _adam.StepCount;

        public int MaxTrialEvaluationsPerStep => 0;

        public OptimizerStep Step(Span<double> parameters, ReadOnlySpan<double> gradient, double loss, ITrialEvaluator? trial) => _adam.Step(parameters, gradient, loss, trial);

        public void Reset() => _adam.Reset();

        public void SaveState(CheckpointWriter writer) => _adam.SaveState(writer);

        public void RestoreState(CheckpointReader reader) => _adam.RestoreState(reader);
    }
}
