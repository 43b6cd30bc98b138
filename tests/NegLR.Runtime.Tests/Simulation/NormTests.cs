using System;
using System.Linq;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Simulation;

public class NormTests
{
    [Fact]
    public void TenThousandRandomGatesOnEightQubits_PreserveTheNormTo1e12()
    {
        var rng = new SeededRandom(31337);
        var circuit = new Circuit(8);
        var kinds = TestData.AllKinds;
        for (int g = 0; g < 10_000; g++)
        {
            TestData.AppendRandomGate(rng, circuit, kinds[rng.NextInt(kinds.Length)], () => rng.NextDouble(-2 * Math.PI, 2 * Math.PI));
        }

        // Every kind took part.
        Assert.Equal(kinds.Length, circuit.Gates.Select(g => g.Kind).Distinct().Count());

        // From |0…0⟩ through the public path…
        var state = new StateVector(8);
        new CircuitInterpreter(circuit).Prepare(Array.Empty<double>(), Array.Empty<double>(), state);
        Assert.True(Math.Abs(state.NormSquared() - 1) <= 1e-12, $"‖ψ‖² − 1 = {state.NormSquared() - 1:E3}");

        // …and from a random state, forwards and then backwards through the inverse steps (which must return to it).
        var psi = TestData.RandomState(rng, 8);
        var amplitudes = (System.Numerics.Complex[])psi.Clone();
        TestData.RuntimeApply(circuit, amplitudes);
        double norm = amplitudes.Sum(a => (a.Real * a.Real) + (a.Imaginary * a.Imaginary));
        Assert.True(Math.Abs(norm - 1) <= 1e-12, $"‖ψ‖² − 1 = {norm - 1:E3}");
        TestData.RuntimeApply(circuit, amplitudes, inverse: true);
        TestData.AssertStatesEqual(psi, amplitudes, 1e-10, "U† U ψ");
    }
}
