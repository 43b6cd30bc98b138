using System;

namespace NegLR;

/// <summary>How <see cref="OpenQasm"/> turns a program into a <see cref="Circuit"/>.</summary>
public sealed class QasmImportOptions
{
    /// <summary>The defaults: every angle a constant.</summary>
    public static QasmImportOptions Default { get; } = new();

    /// <summary>
    /// When true, every rotation angle of the flattened program becomes a fresh trainable weight, in program order, and
    /// its value goes into <see cref="QasmProgram.InitialWeights"/>; the gradient with respect to the weights is then the
    /// gradient with respect to the program's angles. When false (the default) angles are constants.
    /// </summary>
    /// <remarks>
    /// "Rotation angle" means one parameter of one application of a built-in gate (<c>U</c> or a <c>qelib1.inc</c> gate
    /// such as <c>rx</c>, <c>u3</c>, <c>crz</c>, <c>cu3</c>) after user-defined gates are expanded and registers are
    /// broadcast: <c>rx(0.1) q;</c> on a 3-qubit register gives three weights, a user gate whose body applies
    /// <c>rx(a)</c> and <c>ry(2*a)</c> gives two. Constants inside <c>qelib1.inc</c>'s own definitions (the
    /// <c>pi/4</c> of <c>c3x</c>, say) stay constants, and <c>u0</c>'s duration parameter is not an angle.
    /// </remarks>
    public bool AnglesAsWeights { get; init; }

    /// <summary>
    /// Upper bound on the number of NegLR gates an import may produce (default 4,000,000). Gate definitions can double
    /// in size at every nesting level, so a few lines can ask for 2^40 gates; each definition knows its expanded size,
    /// so such an application is refused with a <see cref="QasmException"/> before anything is expanded. The import's
    /// total work (gate applications visited and expression nodes evaluated, which also covers bodies that emit
    /// nothing) is limited to 16 times this number.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxGates
    {
        get => _maxGates;
        init
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "MaxGates must be at least 1.");
            }

            _maxGates = value;
        }
    }

    private readonly int _maxGates = 4_000_000;
}
