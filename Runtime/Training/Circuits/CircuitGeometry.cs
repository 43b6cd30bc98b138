using System;
using System.Numerics;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// The state-space geometry the natural-gradient methods need, computed on the circuit's interpreter: the block-diagonal
/// Fubini–Study metric tensor (exactly, or estimated from each layer's measurement as a device would make it) and state
/// fidelities (exactly, or as the all-zeros frequency of a compute–uncompute circuit). Owns its buffers; allocates nothing
/// per call.
/// </summary>
/// <remarks>
/// Metric (Stokes et al., Quantum 4, 269 (2020), eq. for the block-diagonal approximation): for parametrised layer ℓ with
/// generators K_i (U = exp(−iθK)) acting on the state |ψ_ℓ⟩ just before the layer,
/// g_ij = ⟨ψ_ℓ|K_iK_j|ψ_ℓ⟩ − ⟨ψ_ℓ|K_i|ψ_ℓ⟩⟨ψ_ℓ|K_j|ψ_ℓ⟩. A layer's generators act on disjoint qubits, so they commute and
/// one measurement setting (each qubit in its generator's X, Y or Z basis) gives all of them. In weight space the entry
/// for weights (u, v) sums a_i a_j g_ij over the gates i, j of weights u, v (a = the angle's scale).
/// </remarks>
internal sealed class CircuitGeometry
{
    private readonly CircuitStructure _structure;
    private readonly CircuitInterpreter _interpreter;
    private readonly StateVector _psi;
    private readonly StateVector _other;
    private readonly Complex[] _applied;
    private readonly double[] _cumulative;
    private readonly int[] _counts;
    private readonly double[] _means;
    private readonly double[] _block;

    public CircuitGeometry(CircuitStructure structure)
    {
        _structure = structure;
        _interpreter = structure.Interpreter;
        _psi = new StateVector(structure.Qubits);
        _other = new StateVector(structure.Qubits);
        _applied = new Complex[_psi.Length];
        _cumulative = new double[_psi.Length];
        _counts = new int[_psi.Length];
        int widest = 1;
        for (int l = 0; l < structure.LayerCount; l++)
        {
            widest = Math.Max(widest, structure.LayerSteps(l).Length);
        }

        _means = new double[widest];
        _block = new double[widest * widest];
    }

    /// <summary>
    /// Adds the block-diagonal metric tensor at (<paramref name="weights"/>, <paramref name="inputs"/>) into
    /// <paramref name="metric"/> (weight count², row-major), exactly (<paramref name="shots"/> = 0) or estimated from
    /// <paramref name="shots"/> shots per layer (unbiased sample covariances).
    /// </summary>
    public void AddMetric(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random,
        Span<double> metric, bool diagonalOnly)
    {
        var program = _interpreter.Program;
        int n = _structure.WeightCount;
        _psi.Reset();
        int position = 0;
        for (int l = 0; l < _structure.LayerCount; l++)
        {
            var steps = _structure.LayerSteps(l);
            _interpreter.RunSteps(weights, inputs, _psi, position, steps[0], -1, 0);
            position = steps[0];
            int width = steps.Length;
            if (shots == 0)
            {
                ExactBlock(program, steps, diagonalOnly);
            }
            else
            {
                SampledBlock(program, steps, shots, random, diagonalOnly);
            }

            for (int i = 0; i < width; i++)
            {
                ref readonly var a = ref program[steps[i]];
                for (int j = 0; j < width; j++)
                {
                    if (diagonalOnly && i != j)
                    {
                        continue;
                    }

                    ref readonly var b = ref program[steps[j]];
                    metric[(a.Angle.Index * n) + b.Angle.Index] += a.Angle.Scale * b.Angle.Scale * _block[(i * width) + j];
                }
            }
        }
    }

    /// <summary>|⟨ψ(a, x)|ψ(b, x)⟩|², or its estimate from <paramref name="shots"/> shots (Binomial(S, F)/S).</summary>
    public double Fidelity(ReadOnlySpan<double> first, ReadOnlySpan<double> second, ReadOnlySpan<double> inputs, int shots, SeededRandom random)
    {
        _interpreter.Prepare(first, inputs, _psi);
        _interpreter.Prepare(second, inputs, _other);
        double overlap = _psi.InnerProduct(_other).Magnitude;
        double fidelity = Math.Clamp(overlap * overlap, 0, 1);
        return shots == 0 ? fidelity : (double)random.NextBinomial(shots, fidelity) / shots;
    }

    /// <summary>g_ij = ⟨K_iψ|K_jψ⟩ − ⟨K_i⟩⟨K_j⟩ on the current |ψ⟩, one applied generator at a time.</summary>
    private void ExactBlock(ReadOnlySpan<Instruction> program, int[] steps, bool diagonalOnly)
    {
        int width = steps.Length;
        var psi = _psi.Amplitudes;
        for (int i = 0; i < width; i++)
        {
            ref readonly var g = ref program[steps[i]];
            _means[i] = g.GeneratorScale * StateKernels.PauliOverlap(psi, psi, g.GeneratorControl, g.GeneratorX, g.GeneratorZ, g.GeneratorY).Real;
        }

        for (int i = 0; i < width; i++)
        {
            ref readonly var gi = ref program[steps[i]];
            ApplyGenerator(psi, _applied, gi);
            for (int j = i; j < width; j++)
            {
                if (diagonalOnly && j != i)
                {
                    break;
                }

                ref readonly var gj = ref program[steps[j]];
                double second = gj.GeneratorScale * StateKernels.PauliOverlap(_applied, psi, gj.GeneratorControl, gj.GeneratorX, gj.GeneratorZ, gj.GeneratorY).Real;
                double g = second - (_means[i] * _means[j]);
                _block[(i * width) + j] = g;
                _block[(j * width) + i] = g;
            }
        }
    }

    /// <summary>
    /// The same block from <paramref name="shots"/> shots of the layer's joint measurement: each qubit measured in its
    /// generator's basis, each shot giving every K_i's eigenvalue; unbiased sample means and covariances.
    /// </summary>
    private void SampledBlock(ReadOnlySpan<Instruction> program, int[] steps, int shots, SeededRandom random, bool diagonalOnly)
    {
        int width = steps.Length;
        int basisX = 0, basisZ = 0;
        foreach (int s in steps)
        {
            basisX |= program[s].GeneratorX;
            basisZ |= program[s].GeneratorZ;
        }

        var rotated = _applied.AsSpan();
        _psi.Amplitudes.CopyTo(rotated);
        MeasurementBasis.Rotate(rotated, basisX, basisZ);
        ShotSampler.SampleCounts(rotated, random, shots, _counts, _cumulative);
        Array.Clear(_means, 0, width);
        Array.Clear(_block, 0, width * width);
        for (int b = 0; b < _counts.Length; b++)
        {
            int count = _counts[b];
            if (count == 0)
            {
                continue;
            }

            for (int i = 0; i < width; i++)
            {
                double ki = Eigenvalue(program[steps[i]], b);
                _means[i] += count * ki;
                for (int j = i; j < width; j++)
                {
                    if (diagonalOnly && j != i)
                    {
                        break;
                    }

                    _block[(i * width) + j] += count * ki * Eigenvalue(program[steps[j]], b);
                }
            }
        }

        double divisor = Math.Max(shots - 1, 1);
        for (int i = 0; i < width; i++)
        {
            _means[i] /= shots;
        }

        for (int i = 0; i < width; i++)
        {
            for (int j = i; j < width; j++)
            {
                double g = (diagonalOnly && j != i) ? 0 : (_block[(i * width) + j] - (shots * _means[i] * _means[j])) / divisor;
                _block[(i * width) + j] = g;
                _block[(j * width) + i] = g;
            }
        }
    }

    /// <summary>A generator's eigenvalue on outcome <paramref name="bits"/> measured in its own basis.</summary>
    private static double Eigenvalue(in Instruction g, int bits)
    {
        if ((bits & g.GeneratorControl) != g.GeneratorControl)
        {
            return 0;
        }

        int letters = g.GeneratorX | g.GeneratorZ;
        return (BitOperations.PopCount((uint)(bits & letters)) & 1) != 0 ? -g.GeneratorScale : g.GeneratorScale;
    }

    /// <summary>dst = K src for K = scale·Π_control·P(x, z).</summary>
    private static void ApplyGenerator(ReadOnlySpan<Complex> source, Span<Complex> destination, in Instruction g)
    {
        destination.Clear();
        var factor = g.GeneratorScale * StateKernels.IPower(g.GeneratorY);
        int control = g.GeneratorControl, x = g.GeneratorX, z = g.GeneratorZ;
        for (int i = 0; i < destination.Length; i++)
        {
            if ((i & control) != control)
            {
                continue;
            }

            int j = i ^ x;
            destination[i] = ((BitOperations.PopCount((uint)(j & z)) & 1) != 0 ? -factor : factor) * source[j];
        }
    }
}
