// Lint fixture: what renderer/ may do (React, shared code) passes the rules.
import { useState } from 'react';
import { HOST_BRIDGE_GLOBAL } from '../../../shared/host/contract';

export const hook = useState;
export const bridgeName = HOST_BRIDGE_GLOBAL;
