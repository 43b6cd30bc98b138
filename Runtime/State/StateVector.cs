using System;
using System.Globalization;
using System.Numerics;

namespace NegLR;

/// <summary>
/// An n-qubit pure state as 2^n complex amplitudes in double precision. Qubit 0 is the least-significant bit of the
/// basis index, so amplitude <c>i</c> belongs to the ket |q_{n−1} … q_0⟩ with <c>i = Σ q_k 2^k</c>.
/// </summary>
public sealed class StateVector
{
    private readonly Complex[] _amplitudes;

    /// <summary>Allocates |0…0⟩ on <paramref name="qubits"/> qubits (1 to 30).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The qubit count is outside 1 to 30.</exception>
    /// <exception cref="InsufficientMemoryException">The state would not fit in the memory this process may use.</exception>
    public StateVector(int qubits)
    {
        EnsureFits(qubits, copies: 1);
        Qubits = qubits;
        _amplitudes = new Complex[1 << qubits];
        _amplitudes[0] = Complex.One;
    }

    /// <summary>Number of qubits.</summary>
    public int Qubits { get; }

    /// <summary>Number of amplitudes, 2^<see cref="Qubits"/>.</summary>
    public int Length => _amplitudes.Length;

    /// <summary>The amplitudes, writable (the simulator's kernels work on this span).</summary>
    public Span<Complex> Amplitudes => _amplitudes;

    /// <summary>Amplitude of basis state <paramref name="index"/>.</summary>
    public Complex this[int index]
    {
        get => _amplitudes[index];
        set => _amplitudes[index] = value;
    }

    /// <summary>Bytes one state of <paramref name="qubits"/> qubits takes (16 per amplitude).</summary>
    public static long BytesFor(int qubits) => 16L << qubits;

    /// <summary>Resets to |0…0⟩.</summary>
    public void Reset() => SetBasisState(0);

    /// <summary>Sets the state to the basis state |<paramref name="index"/>⟩.</summary>
    public void SetBasisState(int index)
    {
        if ((uint)index >= (uint)_amplitudes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A basis index on {Qubits} qubits lies in 0 to {_amplitudes.Length - 1}.");
        }

        Array.Clear(_amplitudes);
        _amplitudes[index] = Complex.One;
    }

    /// <summary>Copies the amplitudes of <paramref name="other"/>, which must have as many qubits.</summary>
    public void CopyFrom(StateVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Qubits != Qubits)
        {
            throw new ArgumentException($"Cannot copy a {other.Qubits}-qubit state into a {Qubits}-qubit one.", nameof(other));
        }

        other._amplitudes.AsSpan().CopyTo(_amplitudes);
    }

    /// <summary>Sets the amplitudes from <paramref name="amplitudes"/> (length 2^n), which need not be normalised.</summary>
    public void SetAmplitudes(ReadOnlySpan<Complex> amplitudes)
    {
        if (amplitudes.Length != _amplitudes.Length)
        {
            throw new ArgumentException($"A {Qubits}-qubit state has {_amplitudes.Length} amplitudes, but {amplitudes.Length} were given.", nameof(amplitudes));
        }

        amplitudes.CopyTo(_amplitudes);
    }

    /// <summary>A copy of this state.</summary>
    public StateVector Clone()
    {
        var copy = new StateVector(Qubits);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Σ |a_i|² (1 for a normalised state).</summary>
    public double NormSquared()
    {
        double sum = 0;
        foreach (var a in _amplitudes)
        {
            sum += (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
        }

        return sum;
    }

    /// <summary>Probability of basis state <paramref name="index"/>.</summary>
    public double Probability(int index)
    {
        var a = _amplitudes[index];
        return (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
    }

    /// <summary>Writes every basis-state probability into <paramref name="probabilities"/> (length 2^n).</summary>
    public void Probabilities(Span<double> probabilities)
    {
        if (probabilities.Length != _amplitudes.Length)
        {
            throw new ArgumentException($"Expected a span of {_amplitudes.Length} probabilities, got {probabilities.Length}.", nameof(probabilities));
        }

        for (int i = 0; i < _amplitudes.Length; i++)
        {
            var a = _amplitudes[i];
            probabilities[i] = (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
        }
    }

    /// <summary>⟨this|other⟩.</summary>
    public Complex InnerProduct(StateVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Qubits != Qubits)
        {
            throw new ArgumentException($"Cannot take the overlap of a {Qubits}-qubit and a {other.Qubits}-qubit state.", nameof(other));
        }

        double re = 0, im = 0;
        for (int i = 0; i < _amplitudes.Length; i++)
        {
            var a = _amplitudes[i];
            var b = other._amplitudes[i];
            re += (a.Real * b.Real) + (a.Imaginary * b.Imaginary);
            im += (a.Real * b.Imaginary) - (a.Imaginary * b.Real);
        }

        return new Complex(re, im);
    }

    /// <summary>
    /// Throws a clear error when <paramref name="copies"/> states of <paramref name="qubits"/> qubits would not fit in the
    /// memory this process may use, before anything is allocated.
    /// </summary>
    public static void EnsureFits(int qubits, int copies)
    {
        if (qubits < 1 || qubits > Circuit.MaxQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, $"A state vector holds 1 to {Circuit.MaxQubits} qubits.");
        }

        long needed = BytesFor(qubits) * copies;
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available > 0 && needed > available)
        {
            throw new InsufficientMemoryException(string.Create(CultureInfo.InvariantCulture,
                $"{copies} state vector(s) of {qubits} qubits need {needed / (double)(1L << 30):F2} GiB, but this process may use " +
                $"{available / (double)(1L << 30):F2} GiB. Use fewer qubits, or a machine with more memory."));
        }
    }
}
