import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy* waits 1 s by default; CI runs every package's tests on 2 busy cores, where an API
// answer and a re-render can take longer. A wait that succeeds still returns at once.
configure({ asyncUtilTimeout: 5_000 });
