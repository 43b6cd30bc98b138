using System;
using System.Collections.Generic;
using System.Linq;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Simulation;

/// <summary>The templates: their recorded gate lists (PennyLane's layouts) and their prepared states against the dense reference.</summary>
public class TemplateTests
{
    private static Angle W(int k, double scale = 1) => Angle.OfWeight(k) * scale;

    private static Angle X(int k) => Angle.OfInput(k);

    private static (GateKind Kind, int[] Qubits, Angle[] Angles) G(GateKind kind, int[] qubits, params Angle[] angles) => (kind, qubits, angles);

    [Fact]
    public void AngleEmbedding_RecordsOneRotationPerFeature()
    {
        var c = new Circuit(4).AngleEmbedding(3, Rotation.Y, firstInput: 2);
        AssertGates(c,
            G(GateKind.RY, new[] { 0 }, X(2)),
            G(GateKind.RY, new[] { 1 }, X(3)),
            G(GateKind.RY, new[] { 2 }, X(4)));
        Assert.Equal(5, c.InputCount);
        Assert.Equal(0, c.WeightCount);

        // PennyLane's default axis is X.
        AssertGates(new Circuit(2).AngleEmbedding(2), G(GateKind.RX, new[] { 0 }, X(0)), G(GateKind.RX, new[] { 1 }, X(1)));
        AssertGates(new Circuit(1).AngleEmbedding(1, Rotation.Z), G(GateKind.RZ, new[] { 0 }, X(0)));
    }

    [Fact]
    public void BasicEntanglerLayers_RecordsRotationsThenACnotRing_WithASingleCnotOnTwoQubits()
    {
        // One qubit: rotations only.
        AssertGates(new Circuit(1).BasicEntanglerLayers(2), G(GateKind.RX, new[] { 0 }, W(0)), G(GateKind.RX, new[] { 0 }, W(1)));

        // Two qubits: PennyLane uses the single CNOT(0, 1), not a 2-ring.
        AssertGates(new Circuit(2).BasicEntanglerLayers(2, Rotation.Y),
            G(GateKind.RY, new[] { 0 }, W(0)), G(GateKind.RY, new[] { 1 }, W(1)), G(GateKind.CNOT, new[] { 0, 1 }),
            G(GateKind.RY, new[] { 0 }, W(2)), G(GateKind.RY, new[] { 1 }, W(3)), G(GateKind.CNOT, new[] { 0, 1 }));

        // Three qubits: a closed ring.
        var c3 = new Circuit(3).BasicEntanglerLayers(1, Rotation.Z);
        AssertGates(c3,
            G(GateKind.RZ, new[] { 0 }, W(0)), G(GateKind.RZ, new[] { 1 }, W(1)), G(GateKind.RZ, new[] { 2 }, W(2)),
            G(GateKind.CNOT, new[] { 0, 1 }), G(GateKind.CNOT, new[] { 1, 2 }), G(GateKind.CNOT, new[] { 2, 0 }));
        Assert.Equal(3, c3.WeightCount);
    }

    [Fact]
    public void StronglyEntanglingLayers_RecordsRotsThenRangedCnots_WithBothCnotsOnTwoQubits()
    {
        // Two qubits: range 1 gives CNOT(0, 1) and CNOT(1, 0), as in PennyLane.
        AssertGates(new Circuit(2).StronglyEntanglingLayers(1),
            G(GateKind.Rot, new[] { 0 }, W(0), W(1), W(2)),
            G(GateKind.Rot, new[] { 1 }, W(3), W(4), W(5)),
            G(GateKind.CNOT, new[] { 0, 1 }), G(GateKind.CNOT, new[] { 1, 0 }));

        // One qubit: no entanglers.
        AssertGates(new Circuit(1).StronglyEntanglingLayers(1), G(GateKind.Rot, new[] { 0 }, W(0), W(1), W(2)));

        // Four qubits, three layers: range r = (l mod 3) + 1, CNOT(q, q + r mod 4); weights (l, q, k) → 12l + 3q + k.
        var c = new Circuit(4).StronglyEntanglingLayers(3);
        var expected = new List<(GateKind, int[], Angle[])>();
        for (int l = 0; l < 3; l++)
        {
            for (int q = 0; q < 4; q++)
            {
                expected.Add(G(GateKind.Rot, new[] { q }, W((12 * l) + (3 * q)), W((12 * l) + (3 * q) + 1), W((12 * l) + (3 * q) + 2)));
            }

            for (int q = 0; q < 4; q++)
            {
                expected.Add(G(GateKind.CNOT, new[] { q, (q + l + 1) % 4 }));
            }
        }

        AssertGates(c, expected.ToArray());
        Assert.Equal(36, c.WeightCount);
    }

    [Fact]
    public void HardwareEfficient_RecordsRyLayerRzLayerAndCnotLadder()
    {
        var c = new Circuit(3).HardwareEfficient(2);
        var expected = new List<(GateKind, int[], Angle[])>();
        for (int l = 0; l < 2; l++)
        {
            for (int q = 0; q < 3; q++)
            {
                expected.Add(G(GateKind.RY, new[] { q }, W((6 * l) + q)));
            }

            for (int q = 0; q < 3; q++)
            {
                expected.Add(G(GateKind.RZ, new[] { q }, W((6 * l) + 3 + q)));
            }

            expected.Add(G(GateKind.CNOT, new[] { 0, 1 }));
            expected.Add(G(GateKind.CNOT, new[] { 1, 2 }));
        }

        AssertGates(c, expected.ToArray());
        AssertGates(new Circuit(1).HardwareEfficient(1), G(GateKind.RY, new[] { 0 }, W(0)), G(GateKind.RZ, new[] { 0 }, W(1)));
    }

    [Fact]
    public void QaoaMaxCut_RecordsHadamardsThenRzzOfMinusGammaAndRxOfTwoBeta()
    {
        var edges = new[] { (0, 1), (1, 2), (2, 0) };
        var c = new Circuit(3).QaoaMaxCut(edges, 2);
        var expected = new List<(GateKind, int[], Angle[])>
        {
            G(GateKind.H, new[] { 0 }), G(GateKind.H, new[] { 1 }), G(GateKind.H, new[] { 2 }),
        };
        for (int l = 0; l < 2; l++)
        {
            foreach (var (u, v) in edges)
            {
                expected.Add(G(GateKind.RZZ, new[] { u, v }, W(2 * l, -1)));
            }

            for (int q = 0; q < 3; q++)
            {
                expected.Add(G(GateKind.RX, new[] { q }, W((2 * l) + 1, 2)));
            }
        }

        AssertGates(c, expected.ToArray());
        Assert.Equal(4, c.WeightCount);
    }

    [Fact]
    public void Templates_PreparedStates_MatchDenseReference()
    {
        var rng = new SeededRandom(90);
        var circuits = new List<Circuit>();
        for (int n = 1; n <= 5; n++)
        {
            circuits.Add(new Circuit(n).AngleEmbedding(n, (Rotation)(n % 3)).BasicEntanglerLayers(2, (Rotation)((n + 1) % 3)));
            circuits.Add(new Circuit(n).AngleEmbedding(Math.Max(1, n - 1)).StronglyEntanglingLayers(3));
            circuits.Add(new Circuit(n).HardwareEfficient(3));
            if (n >= 2)
            {
                var ring = Enumerable.Range(0, n).Select(q => (q, (q + 1) % n)).Distinct().ToArray();
                circuits.Add(new Circuit(n).QaoaMaxCut(n == 2 ? new[] { (0, 1) } : ring, 2));
            }
        }

        foreach (var c in circuits)
        {
            var w = TestData.RandomVector(rng, c.WeightCount, -3, 3);
            var x = TestData.RandomVector(rng, c.InputCount, -3, 3);
            var state = new StateVector(c.Qubits);
            new CircuitInterpreter(c).Prepare(w, x, state);
            TestData.AssertStatesEqual(new DenseReferenceSimulator(c.Qubits).Run(c, w, x), state.Amplitudes, 1e-12, c.ToString());
        }
    }

    private static void AssertGates(Circuit c, params (GateKind Kind, int[] Qubits, Angle[] Angles)[] expected)
    {
        Assert.Equal(expected.Length, c.Gates.Count);
        for (int g = 0; g < expected.Length; g++)
        {
            var gate = c.Gates[g];
            string at = $"gate {g}: expected {expected[g].Kind} [{string.Join(", ", expected[g].Qubits)}], got {gate}";
            Assert.True(expected[g].Kind == gate.Kind, at);
            Assert.True(expected[g].Qubits.SequenceEqual(gate.Qubits), at);
            Assert.Equal(expected[g].Angles.Length, gate.Angles.Length);
            for (int k = 0; k < gate.Angles.Length; k++)
            {
                var (e, a) = (expected[g].Angles[k], gate.Angles[k]);
                Assert.True(e.Source == a.Source && e.Index == a.Index && e.Scale == a.Scale && e.Offset == a.Offset,
                    $"{at}: angle {k} expected {e}, got {a}");
            }
        }
    }
}
