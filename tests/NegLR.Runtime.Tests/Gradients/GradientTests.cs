using System;
using System.Linq;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Gradients;

/// <summary>
/// Adjoint, parameter-shift, finite-difference and SPSA gradients on seeded random circuits (every gate kind, shared
/// weights, affine angles, data inputs) with random Pauli-sum observables, against each other and the dense reference.
/// </summary>
public class GradientTests
{
    private const int Circuits = 30;

    public static TheoryData<int> CircuitSeeds()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Circuits; i++)
        {
            data.Add(i);
        }

        return data;
    }

    /// <summary>Random circuit number <paramref name="index"/>: n = 1 + index mod 10 qubits, up to 40 gates.</summary>
    private static (Circuit Circuit, double[] Weights, double[] Inputs, PauliSum Observable) Case(int index)
    {
        var rng = new SeededRandom(5000 + (ulong)index);
        int n = 1 + (index % 10);
        int gates = 10 + rng.NextInt(31);
        var circuit = TestData.RandomCircuit(rng, n, gates, weightPool: 2 + rng.NextInt(10), inputPool: rng.NextInt(4));
        var weights = TestData.RandomVector(rng, circuit.WeightCount, -Math.PI, Math.PI);
        // More inputs than the circuit reads are allowed and ignored.
        var inputs = TestData.RandomVector(rng, circuit.InputCount + (index % 2), -2, 2);
        var observable = TestData.RandomObservable(rng, n, maxTerms: 6);
        return (circuit, weights, inputs, observable);
    }

    [Theory]
    [MemberData(nameof(CircuitSeeds))]
    public void Adjoint_EqualsParameterShiftAndFiniteDifference_ValueEqualsDenseReference(int index)
    {
        var (circuit, w, x, observable) = Case(index);
        var interpreter = new CircuitInterpreter(circuit);
        var ws = interpreter.CreateWorkspace();
        int m = interpreter.WeightCount;
        var adjoint = new double[m];
        var shift = new double[m];
        var fd = new double[m];

        double value = interpreter.EvaluateWithGradient(w, x, observable, adjoint, ws);
        double dense = new DenseReferenceSimulator(circuit.Qubits).Evaluate(circuit, w, x, observable);
        Assert.Equal(dense, value, 1e-10);
        Assert.Equal(dense, interpreter.Evaluate(w, x, observable, ws), 1e-10);
        Assert.Equal(dense, interpreter.ParameterShiftGradient(w, x, observable, shift, ws), 1e-10);
        Assert.Equal(dense, interpreter.FiniteDifferenceGradient(w, x, observable, fd, ws), 1e-10);

        for (int i = 0; i < m; i++)
        {
            Assert.True(Math.Abs(adjoint[i] - shift[i]) <= 1e-10, $"{circuit}: weight {i} adjoint {adjoint[i]} vs shift {shift[i]}");
            Assert.True(Math.Abs(adjoint[i] - fd[i]) <= 1e-6, $"{circuit}: weight {i} adjoint {adjoint[i]} vs finite difference {fd[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(CircuitSeeds))]
    public void Adjoint_EqualsCentralDifferenceOfTheDenseReference(int index)
    {
        // Fully independent of the runtime's other gradient methods: central differences of the oracle's value.
        var (circuit, w, x, observable) = Case(index);
        if (circuit.Qubits > 6)
        {
            return;
        }

        var interpreter = new CircuitInterpreter(circuit);
        var adjoint = new double[interpreter.WeightCount];
        interpreter.EvaluateWithGradient(w, x, observable, adjoint, interpreter.CreateWorkspace());
        var sim = new DenseReferenceSimulator(circuit.Qubits);
        var o = sim.Observable(observable);
        const double h = 1e-5;
        for (int i = 0; i < w.Length; i++)
        {
            var shifted = (double[])w.Clone();
            shifted[i] = w[i] + h;
            double plus = DenseReferenceSimulator.Expectation(o, sim.Run(circuit, shifted, x));
            shifted[i] = w[i] - h;
            double minus = DenseReferenceSimulator.Expectation(o, sim.Run(circuit, shifted, x));
            double central = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(adjoint[i] - central) <= 1e-6, $"{circuit}: weight {i} adjoint {adjoint[i]} vs dense {central}");
        }
    }

    [Fact]
    public void RandomCircuits_CoverEveryParametricGateKind_AndGradientsAreNotAllZero()
    {
        // Guards the random cases above against silently testing nothing.
        var kinds = Enumerable.Range(0, Circuits).SelectMany(i => Case(i).Circuit.Gates.Select(g => g.Kind)).ToHashSet();
        foreach (var kind in TestData.AllKinds)
        {
            Assert.Contains(kind, kinds);
        }

        int nonZero = 0;
        for (int i = 0; i < Circuits; i++)
        {
            var (circuit, w, x, observable) = Case(i);
            var interpreter = new CircuitInterpreter(circuit);
            var g = new double[interpreter.WeightCount];
            interpreter.EvaluateWithGradient(w, x, observable, g, interpreter.CreateWorkspace());
            nonZero += g.Count(v => Math.Abs(v) > 1e-3);
        }

        Assert.True(nonZero > 50, $"only {nonZero} gradient entries are clearly non-zero");
    }

    [Fact]
    public void ParameterShiftEvaluations_CountTwoRunsPerTrainableAngleAndFourForControlledRotations()
    {
        for (int i = 0; i < Circuits; i++)
        {
            var circuit = Case(i).Circuit;
            int expected = circuit.Gates.Sum(g => g.Angles.Count(a => a.IsTrainable)
                * (g.Kind is GateKind.CRX or GateKind.CRY or GateKind.CRZ ? 4 : 2));
            Assert.Equal(expected, new CircuitInterpreter(circuit).ParameterShiftEvaluations());
        }
    }

    [Fact]
    public void CircuitsWithoutWeights_GiveTheValueAndAnEmptyGradient()
    {
        // An empty circuit leaves |0…0⟩; a circuit with input angles only has nothing to differentiate.
        var observable = new PauliSum(new[] { TestData.Term("Z0", 0.3), TestData.Term("Z1 Z2", -0.6), TestData.Term("X1") }, constant: 0.1);
        var empty = new CircuitInterpreter(new Circuit(3));
        var ws = empty.CreateWorkspace();
        Assert.Equal(0.3 - 0.6 + 0.1, empty.EvaluateWithGradient(Array.Empty<double>(), observable, Span<double>.Empty, ws), 1e-15);
        Assert.Equal(0.3 - 0.6 + 0.1, empty.ParameterShiftGradient(Array.Empty<double>(), ReadOnlySpan<double>.Empty, observable, Span<double>.Empty, ws), 1e-15);

        var encoded = new Circuit(3).AngleEmbedding(3, Rotation.Y);
        var interpreter = new CircuitInterpreter(encoded);
        var x = new[] { 0.4, -1.1, 2.0 };
        double expected = new DenseReferenceSimulator(3).Evaluate(encoded, Array.Empty<double>(), x, observable);
        Assert.Equal(expected, interpreter.EvaluateWithGradient(Array.Empty<double>(), x, observable, Span<double>.Empty, interpreter.CreateWorkspace()), 1e-12);
        Assert.Equal(0, interpreter.ParameterShiftEvaluations());
    }

    [Fact]
    public void WorkspaceMadeWithoutTheAdjointState_GivesTheSameGradient()
    {
        var (circuit, w, x, observable) = Case(17);
        var interpreter = new CircuitInterpreter(circuit);
        var a = new double[interpreter.WeightCount];
        var b = new double[interpreter.WeightCount];
        double fa = interpreter.EvaluateWithGradient(w, x, observable, a, interpreter.CreateWorkspace());
        double fb = interpreter.EvaluateWithGradient(w, x, observable, b, interpreter.CreateWorkspace(forGradients: false));
        Assert.Equal(fa, fb);
        Assert.Equal(a, b);
    }

    [Fact]
    public void SharedAndAffineWeights_SumTheirGatesDerivativesTimesScale()
    {
        // f(w) = ⟨Z⟩ after RY(2w + 0.3) RY(−w) = cos(w + 0.3), so f' = −sin(w + 0.3): tests the chain rule by hand.
        var c = new Circuit(1);
        var w0 = c.Weight(0);
        c.RY(0, (2 * w0) + 0.3).RY(0, -w0);
        var interpreter = new CircuitInterpreter(c);
        var ws = interpreter.CreateWorkspace();
        var g = new double[1];
        double f = interpreter.EvaluateWithGradient(new[] { 0.9 }, PauliSum.Z(0), g, ws);
        Assert.Equal(Math.Cos(1.2), f, 1e-14);
        Assert.Equal(-Math.Sin(1.2), g[0], 1e-14);
        interpreter.ParameterShiftGradient(new[] { 0.9 }, ReadOnlySpan<double>.Empty, PauliSum.Z(0), g, ws);
        Assert.Equal(-Math.Sin(1.2), g[0], 1e-14);
    }

    [Fact]
    public void Spsa_WithTheSameSeed_IsBitIdentical()
    {
        var (circuit, w, x, observable) = Case(7);
        var interpreter = new CircuitInterpreter(circuit);
        var ws = interpreter.CreateWorkspace();
        var a = new double[interpreter.WeightCount];
        var b = new double[interpreter.WeightCount];
        double fa = interpreter.SpsaGradient(w, x, observable, a, ws, 0.05, new SeededRandom(42));
        double fb = interpreter.SpsaGradient(w, x, observable, b, interpreter.CreateWorkspace(), 0.05, new SeededRandom(42));
        Assert.Equal(BitConverter.DoubleToInt64Bits(fa), BitConverter.DoubleToInt64Bits(fb));
        Assert.Equal(a.Select(BitConverter.DoubleToInt64Bits), b.Select(BitConverter.DoubleToInt64Bits));

        // A different seed gives a different estimate (the test above can fail).
        var c = new double[interpreter.WeightCount];
        interpreter.SpsaGradient(w, x, observable, c, ws, 0.05, new SeededRandom(43));
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Spsa_EqualsItsFormulaWithTheSameRademacherDraws()
    {
        // g_i = [f(w + cΔ) − f(w − cΔ)] / (2cΔ_i), Δ_i = NextSign() in weight order; f from the dense reference.
        var (circuit, w, x, observable) = Case(5);
        var interpreter = new CircuitInterpreter(circuit);
        var g = new double[interpreter.WeightCount];
        const double c = 0.1;
        double mean = interpreter.SpsaGradient(w, x, observable, g, interpreter.CreateWorkspace(), c, new SeededRandom(9));

        var draws = new SeededRandom(9);
        var delta = w.Select(_ => draws.NextSign()).ToArray();
        var sim = new DenseReferenceSimulator(circuit.Qubits);
        double plus = sim.Evaluate(circuit, w.Select((v, i) => v + (c * delta[i])).ToArray(), x, observable);
        double minus = sim.Evaluate(circuit, w.Select((v, i) => v - (c * delta[i])).ToArray(), x, observable);
        Assert.Equal((plus + minus) / 2, mean, 1e-10);
        for (int i = 0; i < g.Length; i++)
        {
            Assert.Equal((plus - minus) / (2 * c * delta[i]), g[i], 1e-10);
        }
    }

    [Fact]
    public void Spsa_MeanOfManyEstimates_ApproachesTheTrueGradient()
    {
        // E[g_i] = ∂_i f + O(c²); with a small c, Var[g_i] ≈ Σ_{j≠i} (∂_j f)², so the mean of N estimates lies within
        // 5 standard errors of the adjoint gradient (a fixed seed makes the run deterministic).
        var (circuit, w, x, observable) = Case(13);
        var interpreter = new CircuitInterpreter(circuit);
        var ws = interpreter.CreateWorkspace();
        int m = interpreter.WeightCount;
        Assert.True(m >= 3, "the case needs several weights");
        var exact = new double[m];
        interpreter.EvaluateWithGradient(w, x, observable, exact, ws);

        const int N = 4000;
        const double c = 1e-3;
        var rng = new SeededRandom(2024);
        var estimate = new double[m];
        var sum = new double[m];
        for (int k = 0; k < N; k++)
        {
            interpreter.SpsaGradient(w, x, observable, estimate, ws, c, rng);
            for (int i = 0; i < m; i++)
            {
                sum[i] += estimate[i];
            }
        }

        double total = exact.Sum(v => v * v);
        for (int i = 0; i < m; i++)
        {
            double mean = sum[i] / N;
            double sigma = Math.Sqrt((total - (exact[i] * exact[i])) / N);
            Assert.True(Math.Abs(mean - exact[i]) <= (5 * sigma) + 1e-4, $"weight {i}: SPSA mean {mean} vs exact {exact[i]} (σ/√N = {sigma})");
        }
    }
}
