// Lint fixture: shared/ must not import React (tests/unit/lint/boundaries.test.ts expects an error).
import { useState } from 'react';

export const hook = useState;
