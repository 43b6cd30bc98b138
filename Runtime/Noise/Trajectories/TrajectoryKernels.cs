using System;
using System.Numerics;
using NegLR.Simulation;

namespace NegLR;

/// <summary>State-vector pieces the trajectory engine needs beyond the gate kernels: Paulis, reduced states, 4×4 maps.</summary>
internal static class TrajectoryKernels
{
    /// <summary>Applies the Pauli letter (0 = I, 1 = X, 2 = Y, 3 = Z) to <paramref name="qubit"/>.</summary>
    public static void ApplyPauli(Span<Complex> state, int qubit, int letter)
    {
        switch (letter)
        {
            case 1:
                StateKernels.ApplyX(state, qubit);
                break;
            case 2:
                StateKernels.ApplyMatrix(state, qubit, GateMatrices.Y);
                break;
            case 3:
                StateKernels.ApplyDiagonal(state, qubit, Complex.One, -Complex.One);
                break;
        }
    }

    /// <summary>ρ_q[a, b] = Σ over the other qubits of ψ(a) conj(ψ(b)): the one-qubit reduced density matrix.</summary>
    public static void Reduced1(ReadOnlySpan<Complex> state, int qubit, Span<Complex> rho)
    {
        int s = 1 << qubit;
        double p0 = 0, p1 = 0;
        Complex c01 = Complex.Zero;
        for (int block = 0; block < state.Length; block += s << 1)
        {
            for (int i = block; i < block + s; i++)
            {
                var a = state[i];
                var b = state[i + s];
                p0 += (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
                p1 += (b.Real * b.Real) + (b.Imaginary * b.Imaginary);
                c01 += a * Complex.Conjugate(b);
            }
        }

        rho[0] = p0;
        rho[1] = c01;
        rho[2] = Complex.Conjugate(c01);
        rho[3] = p1;
    }

    /// <summary>The two-qubit reduced density matrix in textbook order (local index 2·bit(a) + bit(b)).</summary>
    public static void Reduced2(ReadOnlySpan<Complex> state, int a, int b, Span<Complex> rho)
    {
        rho[..16].Clear();
        int ma = 1 << a, mb = 1 << b;
        Span<Complex> v = stackalloc Complex[4];
        for (int k = 0; k < state.Length >> 2; k++)
        {
            int i = BitIndex.InsertZeros(k, a, b);
            v[0] = state[i];
            v[1] = state[i | mb];
            v[2] = state[i | ma];
            v[3] = state[i | ma | mb];
            for (int l = 0; l < 4; l++)
            {
                for (int m = 0; m < 4; m++)
                {
                    rho[(l * 4) + m] += v[l] * Complex.Conjugate(v[m]);
                }
            }
        }
    }

    /// <summary>Applies scale·K for a 4×4 K in textbook order on qubits (<paramref name="a"/>, <paramref name="b"/>).</summary>
    public static void Apply4(Span<Complex> state, int a, int b, Complex[] k, double scale)
    {
        int ma = 1 << a, mb = 1 << b;
        Span<Complex> v = stackalloc Complex[4];
        for (int q = 0; q < state.Length >> 2; q++)
        {
            int i = BitIndex.InsertZeros(q, a, b);
            v[0] = state[i];
            v[1] = state[i | mb];
            v[2] = state[i | ma];
            v[3] = state[i | ma | mb];
            for (int l = 0; l < 4; l++)
            {
                var sum = (k[l * 4] * v[0]) + (k[(l * 4) + 1] * v[1]) + (k[(l * 4) + 2] * v[2]) + (k[(l * 4) + 3] * v[3]);
                int index = i | ((l & 2) != 0 ? ma : 0) | ((l & 1) != 0 ? mb : 0);
                state[index] = scale * sum;
            }
        }
    }
}
