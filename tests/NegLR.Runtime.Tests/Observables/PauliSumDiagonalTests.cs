using System;
using System.Linq;
using System.Numerics;

namespace NegLR.Tests.Observables;

/// <summary>
/// Diagonal sums take two fast paths (a per-basis-state value table for ⟨O⟩, a lane-exact blocked loop for O|ψ⟩). They
/// must give exactly the bits of the term-by-term loops — the committed study runs depend on it — including the signs of
/// zeros, on states with zero, subnormal and non-finite amplitudes, and with coefficients too small for the blocked loop.
/// </summary>
public class PauliSumDiagonalTests
{
    public static TheoryData<string> Observables() => new()
    {
        "global3", "global6", "global9", "local8", "0.5 Z0 + 0.25 Z1 Z2 - 0.125 Z0 Z2 + 0.3 Z3 - 0.7",
        "1e-17 Z0 + 0.5 Z1 + 0.25 Z0 Z1 Z2 + 0.1 Z3", "-1 + 0.5 Z0 + 0.25 Z0 Z1", "0.5 Z0 + 0.2 X1 + 0.3 Z1 Z2 + 0.1 Z2",
    };

    [Theory]
    [MemberData(nameof(Observables))]
    public void ExpectationAndApply_GiveTheBitsOfTheTermByTermLoops(string name)
    {
        var fast = Build(name, termByTerm: false);
        var slow = Build(name, termByTerm: true);
        int qubits = Math.Max(3, fast.MinQubits) + 1;
        foreach (var state in States(qubits))
        {
            AssertSameBits(slow.Expectation(state), fast.Expectation(state));
            var expected = new Complex[state.Length];
            var actual = new Complex[state.Length];
            slow.Apply(state, expected);
            fast.Apply(state, actual);
            for (int i = 0; i < state.Length; i++)
            {
                AssertSameBits(expected[i].Real, actual[i].Real);
                AssertSameBits(expected[i].Imaginary, actual[i].Imaginary);
            }
        }
    }

    [Fact]
    public void Apply_AgreesWithTheDenseMatrix_OnTheGlobalProjector()
    {
        var sum = Build("global6", termByTerm: false);
        var psi = ObservableTestStates.Random(6, seed: 8).Amplitudes.ToArray();
        var result = new Complex[psi.Length];
        sum.Apply(psi, result);
        var dense = sum.ToDenseMatrix(6);
        for (int i = 0; i < psi.Length; i++)
        {
            Complex expected = 0;
            for (int j = 0; j < psi.Length; j++)
            {
                expected += dense[i, j] * psi[j];
            }

            Assert.Equal(expected.Real, result[i].Real, 14);
            Assert.Equal(expected.Imaginary, result[i].Imaginary, 14);
        }

        // 1 − |0…0⟩⟨0…0|: ⟨O⟩ = 1 − |ψ₀|².
        Assert.Equal(1 - (psi[0].Magnitude * psi[0].Magnitude), sum.Expectation(psi), 14);
    }

    [Fact]
    public void FastPaths_AllocateNothingAfterTheFirstExpectation()
    {
        var sum = Build("global9", termByTerm: false);
        var psi = ObservableTestStates.Random(9, seed: 4).Amplitudes.ToArray();
        var result = new Complex[psi.Length];
        var estimator = new ShotEstimator(sum, 9);
        var shotWorkspace = estimator.CreateWorkspace();
        var random = new SeededRandom(1);
        NegLR.Tests.Reference.AllocationAssert.NoneAllocate(new (string, Action)[]
        {
            ("Expectation", () => sum.Expectation(psi)),
            ("Apply", () => sum.Apply(psi, result)),
            ("Shot estimate, shot by shot from the value table", () => estimator.Estimate(psi, 1000, random, shotWorkspace)),
        });
    }

    /// <summary>A random state, then copies with exact zeros (both signs), subnormal, infinite and NaN amplitudes in some blocks.</summary>
    private static Complex[][] States(int qubits)
    {
        var random = ObservableTestStates.Random(qubits, seed: 31).Amplitudes.ToArray();
        var zeros = (Complex[])random.Clone();
        zeros[1] = new Complex(0, Math.Abs(zeros[1].Imaginary));
        zeros[6] = new Complex(-Math.Abs(zeros[6].Real), 0);
        zeros[9] = new Complex(-0.0, -0.0);
        zeros[^1] = Complex.Zero;
        var tiny = (Complex[])random.Clone();
        tiny[3] = new Complex(double.Epsilon * 5, -double.Epsilon);
        tiny[12] = new Complex(Math.ScaleB(1.0, -1030), 0.5);
        var special = (Complex[])random.Clone();
        special[2] = new Complex(double.PositiveInfinity, 0.1);
        special[^3] = new Complex(double.NaN, 0.2);
        var basis = new Complex[1 << qubits];
        basis[5] = Complex.One;
        return new[] { random, zeros, tiny, special, basis };
    }

    private static PauliSum Build(string name, bool termByTerm)
    {
        PauliSum sum = name switch
        {
            "global3" => Global(3),
            "global6" => Global(6),
            "global9" => Global(9),
            "local8" => new PauliSum(Enumerable.Range(0, 8).Select(q => new PauliTerm(-0.5 / 8, 0, 1 << q)), 0.5),
            _ => PauliSum.Parse(name),
        };
        return new PauliSum(sum.Terms, sum.Constant) { TermByTerm = termByTerm };
    }

    /// <summary>The study's global cost 1 − Πⱼ (1 + Zⱼ)/2 as 2^n − 1 Z-strings and a constant.</summary>
    private static PauliSum Global(int n)
    {
        double c = -1.0 / (1 << n);
        return new PauliSum(Enumerable.Range(1, (1 << n) - 1).Select(mask => new PauliTerm(c, 0, mask)), 1 + c);
    }

    private static void AssertSameBits(double expected, double actual) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
}
