export { InternalApiStatusCard } from './InternalApiStatusCard';
