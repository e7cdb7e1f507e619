// Tests for this unit land with its implementation.
