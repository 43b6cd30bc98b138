namespace NegLR;

/// <summary>An OpenQASM language version.</summary>
public enum QasmVersion
{
    /// <summary>
    /// OpenQASM 2.0 with Qiskit's <c>qelib1.inc</c>: the most widely accepted. It has no parameters and no global phase,
    /// and its <c>rz</c> is the phase gate, so an export is exact only up to a global phase (stated in the output).
    /// </summary>
    OpenQasm2 = 2,

    /// <summary>
    /// OpenQASM 3 with <c>stdgates.inc</c>: gates with their textbook phases, <c>gphase</c>, and <c>input</c> parameters,
    /// so an export is exact and may leave weights and data inputs as parameters.
    /// </summary>
    OpenQasm3 = 3,
}
