using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// A Hermitian observable <c>Σ c_k P_k</c> with real coefficients: the cost of a VQA. Terms with the same string are
/// merged, zero terms dropped, and the identity part kept as <see cref="Constant"/>.
/// </summary>
public sealed partial class PauliSum
{
    // Terms grouped by X mask: every term of a group maps |j⟩ to the same |j ⊕ x⟩, so one sweep serves the group.
    private readonly TermGroup[] _groups;

    // See PauliSum.Diagonal.cs.
    private readonly bool _laneExactApply;

    /// <summary>Builds the sum from terms (identity terms go into <see cref="Constant"/>).</summary>
    public PauliSum(IEnumerable<PauliTerm> terms, double constant = 0)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (!double.IsFinite(constant))
        {
            throw new ArgumentException("The constant term must be a finite number.", nameof(constant));
        }

        var merged = new Dictionary<(int X, int Z), double>();
        var order = new List<(int X, int Z)>();
        foreach (var t in terms)
        {
            if (t.IsIdentity)
            {
                constant += t.Coefficient;
                continue;
            }

            var key = (t.XMask, t.ZMask);
            if (merged.TryGetValue(key, out double c))
            {
                merged[key] = c + t.Coefficient;
            }
            else
            {
                merged[key] = t.Coefficient;
                order.Add(key);
            }
        }

        // Merging can overflow (e.g. two terms of 1e308): check the sums, not just the inputs.
        if (!double.IsFinite(constant) || merged.Values.Any(c => !double.IsFinite(c)))
        {
            throw new ArgumentException("The terms add up to a coefficient that is not a finite number.", nameof(terms));
        }

        Terms = order.Where(k => merged[k] != 0).Select(k => new PauliTerm(merged[k], k.X, k.Z)).ToImmutableArray();
        Constant = constant;
        int support = 0;
        foreach (var t in Terms)
        {
            support |= t.Support;
        }

        Support = support;
        MinQubits = support == 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)support);
        _groups = Terms.GroupBy(t => t.XMask).OrderBy(g => g.Key)
            .Select(g => new TermGroup(g.Key, g.ToArray())).ToArray();
        _laneExactApply = ComputeLaneExactApply();
    }

    /// <summary>The non-identity terms, in first-seen order.</summary>
    public ImmutableArray<PauliTerm> Terms { get; }

    /// <summary>The identity coefficient.</summary>
    public double Constant { get; }

    /// <summary>Qubits any term acts on.</summary>
    public int Support { get; }

    /// <summary>The fewest qubits a state needs for this observable (highest qubit named + 1).</summary>
    public int MinQubits { get; }

    /// <summary>True when every term is diagonal (I and Z only).</summary>
    public bool IsDiagonal => Terms.All(t => t.IsDiagonal);

    /// <summary>The largest number of qubits one term acts on (1 = a local cost).</summary>
    public int MaxLocality => Terms.IsEmpty ? 0 : Terms.Max(t => t.Weight);

    /// <summary>A single Pauli string with coefficient 1, e.g. <c>PauliSum.Z(0)</c>.</summary>
    public static PauliSum Z(int qubit) => new(new[] { new PauliTerm(1, 0, 1 << qubit) });

    /// <summary>⟨ψ|O|ψ⟩ for a normalised state.</summary>
    public double Expectation(StateVector state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Expectation(state.Amplitudes);
    }

    /// <summary>⟨ψ|O|ψ⟩ for a normalised state given as amplitudes.</summary>
    public double Expectation(ReadOnlySpan<Complex> state)
    {
        RequireQubits(state.Length, nameof(state));
        double total = Constant;
        foreach (var group in _groups)
        {
            total += group.XMask == 0 ? DiagonalExpectation(state, group) : group.Expectation(state);
        }

        return total;
    }

    /// <summary>dst = O·src; the two spans must not overlap.</summary>
    public void Apply(ReadOnlySpan<Complex> source, Span<Complex> destination)
    {
        RequireQubits(source.Length, nameof(source));
        if (destination.Length != source.Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} amplitudes; the source has {source.Length}.", nameof(destination));
        }

        if (TryApplyDiagonalLaneExact(source, destination))
        {
            return;
        }

        if (Constant == 0)
        {
            destination.Clear();
        }
        else
        {
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = Constant * source[i];
            }
        }

        foreach (var t in Terms)
        {
            StateKernels.AccumulatePauli(source, destination, t.Coefficient, t.XMask, t.ZMask, t.YCount);
        }
    }

    /// <summary>Text such as <c>0.5 Z0 Z1 - 1.2 X2 + 0.3</c>, which <c>Parse</c> reads back.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        foreach (var t in Terms)
        {
            parts.Add(t.Coefficient.ToString("R", CultureInfo.InvariantCulture) + " " + t.Label);
        }

        if (Constant != 0 || parts.Count == 0)
        {
            parts.Add(Constant.ToString("R", CultureInfo.InvariantCulture));
        }

        return string.Join(" + ", parts).Replace("+ -", "- ", StringComparison.Ordinal);
    }

    private void RequireQubits(int length, string paramName)
    {
        if (length < 2 || !BitOperations.IsPow2(length))
        {
            throw new ArgumentException($"A state has 2^n amplitudes, but {length} were given.", paramName);
        }

        if ((length >> MinQubits) == 0)
        {
            throw new ArgumentException(
                $"The observable acts on qubit {MinQubits - 1}, but the state has only {BitOperations.Log2((uint)length)} qubits.", paramName);
        }
    }

    private sealed class TermGroup
    {
        public TermGroup(int xMask, PauliTerm[] terms)
        {
            XMask = xMask;
            Terms = terms;
            Coefficients = Array.ConvertAll(terms, t => t.Coefficient);
            ZMasks = Array.ConvertAll(terms, t => t.ZMask);
        }

        public int XMask { get; }

        public PauliTerm[] Terms { get; }

        /// <summary>The terms' coefficients and Z masks as arrays, for <see cref="ParitySums"/> (the diagonal group's values).</summary>
        public double[] Coefficients { get; }

        public int[] ZMasks { get; }

        public double Expectation(ReadOnlySpan<Complex> state)
        {
            double total = 0;
            foreach (var t in Terms)
            {
                total += t.Coefficient * StateKernels.PauliExpectation(state, t.XMask, t.ZMask, t.YCount);
            }

            return total;
        }
    }
}
