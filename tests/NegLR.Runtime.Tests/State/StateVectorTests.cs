using System;
using System.Numerics;

namespace NegLR.Tests.State;

public class StateVectorTests
{
    [Fact]
    public void EnsureFits_MoreStateThanTheMachineHas_ThrowsBeforeAllocating()
    {
        // Two 30-qubit states need 32 GiB; find a copy count that exceeds what this process may use on any machine.
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        int copies = (int)Math.Min(int.MaxValue, (available / StateVector.BytesFor(30)) + 1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<InsufficientMemoryException>(() => StateVector.EnsureFits(30, copies));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "nothing large may be allocated before the check");
        Assert.Contains("GiB", ex.Message, StringComparison.Ordinal);
        Assert.Contains("fewer qubits", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-1)]
    public void Constructor_QubitsOutsideOneToThirty_ThrowsNamingQubits(int qubits)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new StateVector(qubits));
        Assert.Equal("qubits", ex.ParamName);
    }

    [Fact]
    public void NewState_IsAllZeros_WithLeastSignificantBitForQubitZero()
    {
        var s = new StateVector(3);
        Assert.Equal(8, s.Length);
        Assert.Equal(Complex.One, s[0]);
        s.SetBasisState(0b001);
        var c = new Circuit(3).X(0);
        new CircuitInterpreter(c).Prepare(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, s);
        // X on qubit 0 flips the least-significant bit: |000⟩ → index 1.
        Assert.Equal(1.0, s.Probability(1));
        Assert.Equal(1.0, s.NormSquared(), 1e-15);
    }

    [Fact]
    public void SetAmplitudes_WrongLength_ThrowsNamingAmplitudes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new StateVector(2).SetAmplitudes(new Complex[3]));
        Assert.Equal("amplitudes", ex.ParamName);
    }
}
