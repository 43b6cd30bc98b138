using System;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;

namespace NegLR;

/// <summary>
/// Argument checks and small helpers that generated ansatz code calls, so its errors read exactly like the
/// interpreter's. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCodeSupport
{
    /// <summary>c₊ = (√2 + 1)/(4√2) of the four-term shift rule (Wierichs et al. 2022) for CRX, CRY, CRZ.</summary>
    public static readonly double FourTermPlus = (Math.Sqrt(2) + 1) / (4 * Math.Sqrt(2));

    /// <summary>c₋ = (√2 − 1)/(4√2) of the four-term shift rule.</summary>
    public static readonly double FourTermMinus = (Math.Sqrt(2) - 1) / (4 * Math.Sqrt(2));

    private static int _tileWidth = global::NegLR.Simulation.FusedKernels.TileWidth;

    /// <summary>
    /// The register width, in bits, of the tile passes generated ansätze run: 256 (<c>Vector256</c>), 128
    /// (<c>Vector128</c>: arm64, x64 without AVX2; an ansatz whose 128-bit tiles were over the generator's size budget
    /// runs one kernel call per step instead), or 0 (one Runtime kernel call per step). The default is
    /// <see cref="Simulation.FusedKernels.TileWidth"/>, what suits this machine. Tiles of both widths give the same
    /// bits; they agree with the per-step path to rounding. Setting it is for diagnosis and for testing the other paths.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A width other than 0, 128 or 256.</exception>
    /// <exception cref="PlatformNotSupportedException">A width whose vectors this machine does not accelerate.</exception>
    public static int TileWidth
    {
        get => _tileWidth;
        set
        {
            if (value is not (0 or 128 or 256))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The tile width is 256, 128 or 0 (one kernel call per step).");
            }

            if ((value == 256 && !System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
                || (value == 128 && !System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated))
            {
                throw new PlatformNotSupportedException($"{value}-bit register tiles need {value}-bit SIMD, which this machine does not accelerate.");
            }

            _tileWidth = value;
        }
    }

    /// <summary>
    /// Whether generated ansätze run their register-tiled passes (fused gates in SIMD registers, at
    /// <see cref="TileWidth"/>; the default where the hardware has 128- or 256-bit SIMD) or one Runtime kernel call per
    /// gate. Both agree to rounding; switching off is for diagnosis and for testing the per-step path on a machine that
    /// has SIMD. Switching on restores the machine's own width.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Switching on where no SIMD width suits register tiles.</exception>
    public static bool RegisterTiles
    {
        get => _tileWidth != 0;
        set
        {
            int width = global::NegLR.Simulation.FusedKernels.TileWidth;
            if (value && width == 0)
            {
                throw new PlatformNotSupportedException("Register tiles need 128- or 256-bit SIMD with fused multiply-add, which this machine does not accelerate.");
            }

            _tileWidth = value ? width : 0;
        }
    }

    /// <summary>Checks the weights, inputs and state spans of a generated call.</summary>
    public static void CheckArguments(string ansatz, int weightCount, int inputCount, int stateLength,
        ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int stateSpanLength)
    {
        if (weights.Length != weightCount)
        {
            throw new ArgumentException($"{ansatz} has {weightCount} weights, but {weights.Length} were given.", nameof(weights));
        }

        if (inputs.Length < inputCount)
        {
            throw new ArgumentException($"{ansatz} reads {inputCount} inputs, but {inputs.Length} were given.", nameof(inputs));
        }

        if (stateSpanLength != stateLength)
        {
            throw new ArgumentException($"{ansatz} needs a state span of {stateLength} amplitudes, but it has {stateSpanLength}.", "state");
        }

        RequireFinite(weights, nameof(weights));
        RequireFinite(inputs, nameof(inputs));
    }

    /// <summary>Checks a gradient span and the adjoint workspace of a generated gradient call.</summary>
    public static void CheckGradient(string ansatz, int weightCount, int stateLength, int gradientLength, int adjointLength)
    {
        if (gradientLength != weightCount)
        {
            throw new ArgumentException($"{ansatz}'s gradient span needs {weightCount} entries (one per weight), but has {gradientLength}.", "gradient");
        }

        if (adjointLength != stateLength)
        {
            throw new ArgumentException($"{ansatz} needs an adjoint span of {stateLength} amplitudes, but it has {adjointLength}.", "adjoint");
        }
    }

    /// <summary>Checks a workspace passed to a generated call fits the ansatz (made for its qubit count).</summary>
    public static AnsatzWorkspace CheckWorkspace(string ansatz, int qubits, AnsatzWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (workspace.Qubits != qubits)
        {
            throw new ArgumentException(
                $"The workspace was made for {workspace.Qubits} qubits, but {ansatz} has {qubits}; create it with {ansatz}.CreateWorkspace().", nameof(workspace));
        }

        return workspace;
    }

    /// <summary>The exception a generated stub throws when the generator could not compile the declaration.</summary>
    public static InvalidOperationException NotCompiled(string ansatz, string reason) =>
        new($"NegLR could not compile the ansatz {ansatz}: {reason} The build reports an NLR diagnostic at the cause; fix it and rebuild.");

    /// <summary>Resets <paramref name="state"/> to |0…0⟩.</summary>
    public static void ResetState(Span<Complex> state)
    {
        state.Clear();
        state[0] = Complex.One;
    }

    private static void RequireFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] is {values[i]}; every angle must be a finite number."), name);
            }
        }
    }
}
