using System;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Simulation;

/// <summary>
/// Every gate on every qubit position and ordering, applied by the runtime's compiled steps (InstructionCompiler +
/// InstructionExecutor, the path Run and the adjoint pass use) to random states, against the dense reference.
/// </summary>
public class GateTests
{
    private const double Tol = 1e-12;

    private static readonly double[] SpecialAngles = { 0, Math.PI, -Math.PI / 2, 2 * Math.PI, 7.3 };

    public static TheoryData<GateKind> AllKinds()
    {
        var data = new TheoryData<GateKind>();
        foreach (var kind in TestData.AllKinds)
        {
            data.Add(kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Gate_OnEveryQubitTupleOfOneToFiveQubits_MatchesDenseReference(GateKind kind)
    {
        var rng = new SeededRandom(1000 + (ulong)kind);
        var info = GateInfo.Of(kind);
        int cases = 0;
        for (int n = 1; n <= 5; n++)
        {
            var sim = new DenseReferenceSimulator(n);
            // Variable-size gates (MultiRZ, PauliRot) are tried on 1 to 3 qubits here; see the dedicated tests for more.
            int[] arities = info.Qubits > 0 ? new[] { info.Qubits } : Enumerable.Range(1, Math.Min(n, 3)).ToArray();
            foreach (int arity in arities.Where(a => a <= n))
            {
                foreach (var qubits in TestData.OrderedTuples(n, arity))
                {
                    string? word = kind == GateKind.PauliRot ? TestData.RandomWord(rng, arity) : null;
                    int angleSets = info.Angles == 0 ? 1 : 3;
                    for (int a = 0; a < angleSets; a++)
                    {
                        var angles = a == 0 && info.Angles > 0
                            ? Enumerable.Range(0, info.Angles).Select(k => SpecialAngles[(cases + k) % SpecialAngles.Length]).ToArray()
                            : TestData.RandomVector(rng, info.Angles, -2 * Math.PI, 2 * Math.PI);
                        CheckGate(sim, rng, kind, qubits, angles, word);
                        cases++;
                    }
                }
            }
        }

        Assert.True(cases >= 5, $"{kind}: only {cases} cases ran");
    }

    [Fact]
    public void PauliRot_EveryWordOfOneToThreeLettersIncludingI_OnEveryOrderedTupleOfFourQubits_MatchesDenseReference()
    {
        var rng = new SeededRandom(77);
        var sim = new DenseReferenceSimulator(4);
        int cases = 0;
        for (int length = 1; length <= 3; length++)
        {
            foreach (string word in Words(length))
            {
                foreach (var qubits in TestData.OrderedTuples(4, length))
                {
                    CheckGate(sim, rng, GateKind.PauliRot, qubits, new[] { rng.NextDouble(-7, 7) }, word);
                    cases++;
                }
            }
        }

        // 4·4 + 16·12 + 64·24 = 1744 cases.
        Assert.Equal(1744, cases);
    }

    [Fact]
    public void PauliRot_EveryFourAndFiveLetterWordOnFiveQubits_MatchesDenseReference()
    {
        var rng = new SeededRandom(78);
        var sim = new DenseReferenceSimulator(5);
        foreach (string word in Words(4))
        {
            CheckGate(sim, rng, GateKind.PauliRot, TestData.DistinctQubits(rng, 5, 4), new[] { rng.NextDouble(-7, 7) }, word);
        }

        for (int k = 0; k < 200; k++)
        {
            CheckGate(sim, rng, GateKind.PauliRot, TestData.DistinctQubits(rng, 5, 5), new[] { rng.NextDouble(-7, 7) },
                TestData.RandomWord(rng, 5));
        }
    }

    [Fact]
    public void MultiRZ_OnEverySubsetOfOneToFiveQubits_InSeveralOrders_MatchesDenseReference()
    {
        var rng = new SeededRandom(79);
        var sim = new DenseReferenceSimulator(5);
        for (int subset = 1; subset < 32; subset++)
        {
            var qubits = Enumerable.Range(0, 5).Where(q => (subset >> q & 1) != 0).ToArray();
            CheckGate(sim, rng, GateKind.MultiRZ, qubits, new[] { rng.NextDouble(-7, 7) }, null);
            CheckGate(sim, rng, GateKind.MultiRZ, qubits.Reverse().ToArray(), new[] { rng.NextDouble(-7, 7) }, null);
        }

        // On fewer qubits than the register too (1 to 4 qubits, every tuple size).
        for (int n = 1; n <= 4; n++)
        {
            var small = new DenseReferenceSimulator(n);
            for (int k = 1; k <= n; k++)
            {
                CheckGate(small, rng, GateKind.MultiRZ, TestData.DistinctQubits(rng, n, k), new[] { rng.NextDouble(-7, 7) }, null);
            }
        }
    }

    [Fact]
    public void RotAndU3_CompileToThreeStepsThatReproduceTheirMatrices()
    {
        // Rot(φ,θ,ω) = RZ(ω) RY(θ) RZ(φ); U3(θ,φ,λ) = P(φ) RY(θ) P(λ) exactly (docs/conventions.md).
        var rng = new SeededRandom(80);
        var c = new Circuit(2).Rot(1, 0.3, -1.2, 2.5).U3(0, 0.7, 0.3, 1.1);
        Assert.Equal(6, new CircuitInterpreter(c).StepCount);
        var sim = new DenseReferenceSimulator(2);
        for (int k = 0; k < 20; k++)
        {
            var (a, b, d) = (rng.NextDouble(-7, 7), rng.NextDouble(-7, 7), rng.NextDouble(-7, 7));
            CheckGate(sim, rng, GateKind.Rot, new[] { k % 2 }, new[] { a, b, d }, null);
            CheckGate(sim, rng, GateKind.U3, new[] { k % 2 }, new[] { a, b, d }, null);
        }

        // The literal U3 matrix (not a product of rotations) against the runtime on |0⟩: cos θ/2 |0⟩ + e^{iφ} sin θ/2 |1⟩.
        var u3 = new Circuit(1).U3(0, 0.7, 0.3, 1.1);
        var state = new StateVector(1);
        new CircuitInterpreter(u3).Prepare(Array.Empty<double>(), Array.Empty<double>(), state);
        Assert.Equal(Math.Cos(0.35), state[0].Real, 15);
        Assert.Equal(0, state[0].Imaginary, 15);
        Assert.Equal(Complex.FromPolarCoordinates(Math.Sin(0.35), 0.3).Real, state[1].Real, 15);
        Assert.Equal(Complex.FromPolarCoordinates(Math.Sin(0.35), 0.3).Imaginary, state[1].Imaginary, 15);
    }

    [Fact]
    public void RandomGateSequences_ThroughPrepare_MatchDenseReference()
    {
        // The public path: CircuitInterpreter.Prepare from |0…0⟩ (angles from weights, affine forms and inputs).
        var rng = new SeededRandom(81);
        for (int trial = 0; trial < 25; trial++)
        {
            int n = 1 + (trial % 6);
            var c = TestData.RandomCircuit(rng, n, 30, weightPool: 6, inputPool: 3);
            var w = TestData.RandomVector(rng, c.WeightCount, -4, 4);
            var x = TestData.RandomVector(rng, c.InputCount + 1, -4, 4);
            var state = new StateVector(n);
            new CircuitInterpreter(c).Prepare(w, x, state);
            var expected = new DenseReferenceSimulator(n).Run(c, w, x);
            TestData.AssertStatesEqual(expected, state.Amplitudes, Tol, $"trial {trial} ({n} qubits)");
        }
    }

    /// <summary>All words of the given length over I, X, Y, Z.</summary>
    private static string[] Words(int length)
    {
        var words = new[] { string.Empty };
        for (int k = 0; k < length; k++)
        {
            words = words.SelectMany(w => "IXYZ".Select(p => w + p)).ToArray();
        }

        return words;
    }

    /// <summary>
    /// Applies the gate by the runtime to a random state and compares with U·ψ from the dense reference; then applies the
    /// runtime's inverse steps (inverse: true, reversed) and compares with U†·ψ.
    /// </summary>
    private static void CheckGate(DenseReferenceSimulator sim, SeededRandom rng, GateKind kind, int[] qubits, double[] angles, string? word)
    {
        int n = sim.Qubits;
        var circuit = new Circuit(n).Append(kind, ImmutableArray.Create(qubits),
            ImmutableArray.CreateRange(angles.Select(a => (Angle)a)), word);
        var u = sim.GateMatrix(kind, qubits, angles, word);
        string context = $"{kind}{(word is null ? string.Empty : " " + word)}({string.Join(", ", angles)}) on [{string.Join(", ", qubits)}] of {n}";

        var psi = TestData.RandomState(rng, n);
        var forward = (Complex[])psi.Clone();
        TestData.RuntimeApply(circuit, forward);
        TestData.AssertStatesEqual(u.Apply(psi), forward, Tol, context);

        var backward = (Complex[])psi.Clone();
        TestData.RuntimeApply(circuit, backward, inverse: true);
        TestData.AssertStatesEqual(u.Adjoint().Apply(psi), backward, Tol, context + " inverse");
    }
}
