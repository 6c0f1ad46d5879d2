// Rewrites skeleton/package-lock.json after a change to skeleton/package.json (see README).
import { updateSkeletonLockfile } from '../src/skeletonLockfile';

updateSkeletonLockfile();
