package dev.jhsim.config.c;

/** One open {@code #if}/{@code #ifdef}/{@code #ifndef} group and where its branches stand. */
final class Conditional {
    private final Token directive;
    private final boolean enclosingActive;
    private boolean anyBranchTaken;
    private boolean active;
    private boolean sawElse;

    Conditional(Token directive, boolean enclosingActive, boolean condition) {
        this.directive = directive;
        this.enclosingActive = enclosingActive;
        this.active = enclosingActive && condition;
        this.anyBranchTaken = condition;
    }

    /** The directive name token ({@code if}, {@code ifdef}, ...), for "unterminated" errors. */
    Token directive() {
        return directive;
    }

    boolean active() {
        return active;
    }

    boolean sawElse() {
        return sawElse;
    }

    /** Whether an {@code #elif} here must evaluate its condition: only if no branch was taken yet. */
    boolean needsCondition() {
        return enclosingActive && !anyBranchTaken;
    }

    void elif(boolean condition) {
        active = enclosingActive && !anyBranchTaken && condition;
        anyBranchTaken |= condition;
    }

    void otherwise() {
        sawElse = true;
        active = enclosingActive && !anyBranchTaken;
        anyBranchTaken = true;
    }
}
