using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NegLR.Simulation;

// Controlled and permutation kernels: CNOT, Toffoli, controlled 2×2 matrices, SWAP, CSWAP, iSWAP.
public static partial class StateKernels
{
    /// <summary>Applies X to <paramref name="target"/> where <paramref name="control"/> is 1 (CNOT).</summary>
    public static void ApplyCNOT(Span<Complex> state, int control, int target)
    {
        Debug.Assert(control != target);
        int quarter = state.Length >> 2;
        int c = 1 << control, t = 1 << target;
        ref Complex s = ref MemoryMarshal.GetReference(state);
        if (control > target && target >= 1)
        {
            // Runs of 2^target consecutive indices share their control bit: swap whole runs.
            for (int block = 0; block < state.Length; block += t << 1)
            {
                if ((block & c) == 0)
                {
                    continue;
                }

                for (int i = block; i < block + t; i++)
                {
                    ref Complex a = ref Unsafe.Add(ref s, i);
                    ref Complex b = ref Unsafe.Add(ref s, i + t);
                    (a, b) = (b, a);
                }
            }

            return;
        }

        if (control < target)
        {
            // Inside each target block, the indices with the control bit set form runs of 2^control.
            for (int block = 0; block < state.Length; block += t << 1)
            {
                for (int run = block + c; run < block + t; run += c << 1)
                {
                    for (int i = run; i < run + c; i++)
                    {
                        ref Complex a = ref Unsafe.Add(ref s, i);
                        ref Complex b = ref Unsafe.Add(ref s, i + t);
                        (a, b) = (b, a);
                    }
                }
            }

            return;
        }

        for (int k = 0; k < quarter; k++)
        {
            int i = BitIndex.InsertZeros(k, control, target) | c;
            ref Complex a = ref Unsafe.Add(ref s, i);
            ref Complex b = ref Unsafe.Add(ref s, i | t);
            (a, b) = (b, a);
        }
    }

    /// <summary>Applies X to <paramref name="target"/> where both controls are 1 (Toffoli).</summary>
    public static void ApplyToffoli(Span<Complex> state, int control0, int control1, int target)
    {
        int eighth = state.Length >> 3;
        int c = (1 << control0) | (1 << control1), t = 1 << target;
        ref Complex s = ref MemoryMarshal.GetReference(state);
        for (int k = 0; k < eighth; k++)
        {
            int i = BitIndex.InsertZeros(k, control0, control1, target) | c;
            ref Complex a = ref Unsafe.Add(ref s, i);
            ref Complex b = ref Unsafe.Add(ref s, i | t);
            (a, b) = (b, a);
        }
    }

    /// <summary>Applies a 2×2 matrix to <paramref name="target"/> where <paramref name="control"/> is 1 (CY, CRX, CRY, CRZ).</summary>
    public static void ApplyControlledMatrix(Span<Complex> state, int control, int target, in Matrix2 m)
    {
        int quarter = state.Length >> 2;
        int c = 1 << control, t = 1 << target;
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        double r00 = m.M00.Real, i00 = m.M00.Imaginary, r01 = m.M01.Real, i01 = m.M01.Imaginary;
        double r10 = m.M10.Real, i10 = m.M10.Imaginary, r11 = m.M11.Real, i11 = m.M11.Imaginary;
        for (int k = 0; k < quarter; k++)
        {
            int i = BitIndex.InsertZeros(k, control, target) | c;
            ref double pa = ref Unsafe.Add(ref d, 2 * i);
            ref double pb = ref Unsafe.Add(ref d, 2 * (i | t));
            double ar = pa, ai = Unsafe.Add(ref pa, 1), br = pb, bi = Unsafe.Add(ref pb, 1);
            pa = ((ar * r00) - (ai * i00)) + ((br * r01) - (bi * i01));
            Unsafe.Add(ref pa, 1) = ((ai * r00) + (ar * i00)) + ((bi * r01) + (br * i01));
            pb = ((ar * r10) - (ai * i10)) + ((br * r11) - (bi * i11));
            Unsafe.Add(ref pb, 1) = ((ai * r10) + (ar * i10)) + ((bi * r11) + (br * i11));
        }
    }

    /// <summary>Multiplies every amplitude whose index has all bits of <paramref name="mask"/> set by <paramref name="phase"/> (CZ, CPhase).</summary>
    public static void ApplyControlledPhase(Span<Complex> state, int mask, Complex phase)
    {
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        double fr = phase.Real, fi = phase.Imaginary;
        int free = state.Length >> BitOperations.PopCount((uint)mask);
        int lowest = BitOperations.TrailingZeroCount(mask);
        if (BitOperations.PopCount((uint)mask) == 2)
        {
            int highest = 31 - BitOperations.LeadingZeroCount((uint)mask);
            if (lowest >= 1 && Vector256.IsHardwareAccelerated)
            {
                ApplyControlledPhaseRuns(ref d, free, lowest, highest, mask, fr, fi);
                return;
            }

            if (Vector128.IsHardwareAccelerated)
            {
                // Runs of one amplitude: one (re, im) pair per vector, the same lane arithmetic.
                var real = Vector128.Create(fr);
                var imaginary = Vector128.Create(-fi, fi);
                for (int k = 0; k < free; k++)
                {
                    ref double p = ref Unsafe.Add(ref d, 2 * (BitIndex.InsertZeros(k, lowest, highest) | mask));
                    var v = Vector128.LoadUnsafe(ref p);
                    ((v * real) + (Vector128.Shuffle(v, Vector128.Create(1L, 0)) * imaginary)).StoreUnsafe(ref p);
                }

                return;
            }

            for (int k = 0; k < free; k++)
            {
                int i = BitIndex.InsertZeros(k, lowest, highest) | mask;
                MultiplyInPlace(ref Unsafe.Add(ref d, 2 * i), fr, fi);
            }

            return;
        }

        for (int i = 0; i < state.Length; i++)
        {
            if ((i & mask) == mask)
            {
                MultiplyInPlace(ref Unsafe.Add(ref d, 2 * i), fr, fi);
            }
        }
    }

    /// <summary>
    /// The two-qubit case with the lower qubit above 0: the amplitudes to multiply come in contiguous runs of 2^lowest,
    /// two per vector. Lane for lane the arithmetic of <see cref="MultiplyInPlace"/> — re = r·fr + (−(i·fi)) is r·fr − i·fi
    /// exactly, im = i·fr + r·fi — so the same bits, without a scalar load, multiply and store per amplitude (the
    /// interpreter's CZ ladders were a third of a 12-qubit random circuit's time).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplyControlledPhaseRuns(ref double d, int free, int lowest, int highest, int mask, double fr, double fi)
    {
        var real = Vector256.Create(fr);
        var imaginary = Vector256.Create(-fi, fi, -fi, fi);
        int run = 1 << lowest;
        for (int k = 0; k < free; k += run)
        {
            int start = BitIndex.InsertZeros(k, lowest, highest) | mask;
            for (int j = 0; j < run; j += 2)
            {
                ref double p = ref Unsafe.Add(ref d, 2 * (start + j));
                var v = Vector256.LoadUnsafe(ref p);
                var swapped = Vector256.Shuffle(v, Vector256.Create(1L, 0, 3, 2));
                ((v * real) + (swapped * imaginary)).StoreUnsafe(ref p);
            }
        }
    }

    /// <summary>Exchanges qubits <paramref name="a"/> and <paramref name="b"/> where every bit of <paramref name="controlMask"/> is 1 (SWAP with mask 0, CSWAP).</summary>
    public static void ApplySwap(Span<Complex> state, int a, int b, int controlMask = 0)
    {
        int quarter = state.Length >> 2;
        int ma = 1 << a, mb = 1 << b;
        ref Complex s = ref MemoryMarshal.GetReference(state);
        for (int k = 0; k < quarter; k++)
        {
            int i = BitIndex.InsertZeros(k, a, b);
            if ((i & controlMask) != controlMask)
            {
                continue;
            }

            ref Complex x = ref Unsafe.Add(ref s, i | ma);
            ref Complex y = ref Unsafe.Add(ref s, i | mb);
            (x, y) = (y, x);
        }
    }

    /// <summary>iSWAP on (<paramref name="a"/>, <paramref name="b"/>): |01⟩ → i|10⟩, |10⟩ → i|01⟩; the inverse uses −i.</summary>
    public static void ApplyISwap(Span<Complex> state, int a, int b, bool inverse)
    {
        int quarter = state.Length >> 2;
        int ma = 1 << a, mb = 1 << b;
        var factor = inverse ? -Complex.ImaginaryOne : Complex.ImaginaryOne;
        ref Complex s = ref MemoryMarshal.GetReference(state);
        for (int k = 0; k < quarter; k++)
        {
            int i = BitIndex.InsertZeros(k, a, b);
            ref Complex x = ref Unsafe.Add(ref s, i | ma);
            ref Complex y = ref Unsafe.Add(ref s, i | mb);
            (x, y) = (factor * y, factor * x);
        }
    }
}
