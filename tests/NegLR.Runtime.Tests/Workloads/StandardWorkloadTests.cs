using System;

namespace NegLR.Tests.Workloads;

public class StandardWorkloadTests
{
    [Fact]
    public void HardwareEfficientFourQubitsFourLayers_ExpectationOfZ0Z1_MatchesThreeIndependentSimulators()
    {
        // The Runtime issue's cross-check: RY, RZ per qubit then CNOT q→q+1, L = n = 4, θ_k = 0.1·(k+1) in gate order,
        // ⟨Z0 Z1⟩ = 0.101245759661362 (computed there with three independent simulators).
        var circuit = new Circuit(4).HardwareEfficient(layers: 4);
        Assert.Equal(32, circuit.WeightCount);
        var weights = new double[circuit.WeightCount];
        for (int k = 0; k < weights.Length; k++)
        {
            weights[k] = 0.1 * (k + 1);
        }

        var interpreter = new CircuitInterpreter(circuit);
        var observable = new PauliSum(new[] { new PauliTerm(1, 0, 0b11) });
        Assert.Equal(0.101245759661362, interpreter.Evaluate(weights, observable, interpreter.CreateWorkspace()), 1e-13);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void HardwareEfficient_AdjointGradient_EqualsParameterShiftAndFiniteDifferences(int qubits)
    {
        var circuit = new Circuit(qubits).HardwareEfficient(layers: 3);
        var interpreter = new CircuitInterpreter(circuit);
        var ws = interpreter.CreateWorkspace();
        var random = new SeededRandom(7);
        var weights = new double[circuit.WeightCount];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = random.NextDouble(-3, 3);
        }

        // A local and a non-diagonal term, so every generator overlap path is exercised.
        var observable = new PauliSum(new[] { new PauliTerm(0.7, 0, 0b11), new PauliTerm(-0.4, 0b100, 0b100) });
        var adjoint = new double[weights.Length];
        var shift = new double[weights.Length];
        var fd = new double[weights.Length];
        double e1 = interpreter.EvaluateWithGradient(weights, observable, adjoint, ws);
        double e2 = interpreter.ParameterShiftGradient(weights, ReadOnlySpan<double>.Empty, observable, shift, ws);
        interpreter.FiniteDifferenceGradient(weights, ReadOnlySpan<double>.Empty, observable, fd, ws);
        Assert.Equal(e1, e2, 1e-12);
        for (int i = 0; i < weights.Length; i++)
        {
            Assert.Equal(shift[i], adjoint[i], 1e-10);
            Assert.Equal(shift[i], fd[i], 1e-7);
        }

        Assert.Contains(adjoint, g => Math.Abs(g) > 1e-3);
    }
}

public class CircuitFactsTests
{
    [Fact]
    public void Draw_BellCircuit_ShowsControlAndTargetOnTheirWires()
    {
        var c = new Circuit(3);
        c.H(0).CNOT(0, 2).RY(1, c.Weight());
        Assert.Equal(
            "q0: ─H─●──────────\n" +
            "q1: ───│─RY(w[0])─\n" +
            "q2: ───X──────────",
            c.Draw());
    }

    [Fact]
    public void Depth_CountsMomentsOfParallelGates()
    {
        var c = new Circuit(4).HardwareEfficient(layers: 1);
        // RY layer, RZ layer, then CNOT(0,1), CNOT(1,2), CNOT(2,3) in sequence.
        Assert.Equal(5, c.Depth);
        Assert.Equal(3, c.MultiQubitGateCount);
    }
}

public class LightConeTests
{
    [Fact]
    public void BackwardLightCone_LocalCostOnShallowLadder_SeesOnlyGatesThatCanReachIt()
    {
        // RY on every qubit, then CNOT 0→1, 1→2, 2→3. Z0 is reached by CNOT(0,1) only (it acts on qubit 0), whose cone
        // then includes qubit 1 and so RY(w[1]); the later CNOTs touch qubit 1 but come after — walking backwards they are
        // seen first, while the cone is still {0}, so they stay outside.
        var c = new Circuit(4);
        for (int q = 0; q < 4; q++)
        {
            c.RY(q, c.Weight());
        }

        c.CNOT(0, 1).CNOT(1, 2).CNOT(2, 3);
        var (mask, weights) = c.BackwardLightCone(0b0001);
        Assert.Equal(0b0011, mask);
        Assert.Equal(new[] { 0, 1 }, weights);
        var (lastMask, lastWeights) = c.BackwardLightCone(0b1000);
        Assert.Equal(0b1111, lastMask);
        Assert.Equal(new[] { 0, 1, 2, 3 }, lastWeights);
    }

    [Fact]
    public void EntanglingDepth_IgnoresSingleQubitGates()
    {
        var c = new Circuit(4).HardwareEfficient(layers: 2);
        // Ladder 1: CNOT(0,1)@0, (1,2)@1, (2,3)@2. Ladder 2 overlaps it: CNOT(0,1) waits for qubit 1 (free at 2),
        // then (1,2)@3 and (2,3)@4 — five moments in all.
        Assert.Equal(5, c.EntanglingDepth);
        Assert.Equal(0, new Circuit(3).H(0).RX(1, 0.2).EntanglingDepth);
    }
}
