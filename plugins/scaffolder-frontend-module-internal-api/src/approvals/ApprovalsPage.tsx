import { Content } from '@backstage/core-components';
import { Route, Routes, useParams } from 'react-router-dom';
import { ApprovalDetail } from './ApprovalDetail';
import { ApprovalsList } from './ApprovalsList';

function ApprovalDetailRoute() {
  const { id } = useParams();
  return <ApprovalDetail id={id!} />;
}

/** The page the app mounts at /internal-api/approvals: the list, and one request at /:id. */
export function ApprovalsPage() {
  return (
    <Content>
      <Routes>
        <Route path="/" element={<ApprovalsList />} />
        <Route path="/:id" element={<ApprovalDetailRoute />} />
      </Routes>
    </Content>
  );
}
